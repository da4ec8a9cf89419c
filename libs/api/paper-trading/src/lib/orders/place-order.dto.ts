import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORDER_SIDES,
  ORDER_TYPES,
  type OrderSide,
  type OrderType,
  TIME_IN_FORCE_VALUES,
  type TimeInForce,
} from '@ptp/contracts';
import { IsIn, IsNumber, IsOptional, IsPositive, Max } from 'class-validator';
import { AccountQueryDto, SymbolBodyField } from '@ptp/api/shared';
import { ClientOrderIdField } from './client-order-id';

/** Upper bounds that stop absurd input before it reaches the ledger; risk rules then apply the real limits. */
export const MAX_ORDER_QUANTITY = 1_000_000;
export const MAX_ORDER_NOTIONAL = 100_000_000;
export const MAX_PRICE = 1_000_000;

/** An optional, finite, positive number with at most `decimals` decimals and at most `max`. */
function PositiveNumberField(
  description: string,
  example: number,
  decimals: number,
  max: number,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, example, exclusiveMinimum: true, minimum: 0, maximum: max }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: decimals }),
    IsPositive(),
    Max(max),
  );
}

export class PlaceOrderDto extends AccountQueryDto {
  @ApiProperty({ example: 'AAPL', description: 'A symbol the market-data provider knows.' })
  @SymbolBodyField()
  symbol!: string;

  @ApiProperty({ enum: ORDER_SIDES, example: 'buy' })
  @IsIn(ORDER_SIDES)
  side!: OrderSide;

  @ApiProperty({ enum: ORDER_TYPES, example: 'limit' })
  @IsIn(ORDER_TYPES)
  type!: OrderType;

  @PositiveNumberField(
    'Shares, up to 6 decimals. Exactly one of quantity and notional.',
    0.25,
    6,
    MAX_ORDER_QUANTITY,
  )
  quantity?: number;

  @PositiveNumberField(
    'Dollars, up to 2 decimals; converted to shares at the fill price.',
    50,
    2,
    MAX_ORDER_NOTIONAL,
  )
  notional?: number;

  @PositiveNumberField('Required for limit and stop_limit.', 180.5, 6, MAX_PRICE)
  limitPrice?: number;

  @PositiveNumberField('Required for stop and stop_limit.', 185, 6, MAX_PRICE)
  stopPrice?: number;

  @PositiveNumberField(
    'trailing_stop: trail in percent of the best price since placement (exclusive with trailAmount).',
    2,
    4,
    50,
  )
  trailPercent?: number;

  @PositiveNumberField(
    'trailing_stop: trail in dollars (exclusive with trailPercent).',
    1.5,
    6,
    MAX_PRICE,
  )
  trailAmount?: number;

  @ApiPropertyOptional({ enum: TIME_IN_FORCE_VALUES, default: 'gtc' })
  @IsOptional()
  @IsIn(TIME_IN_FORCE_VALUES)
  timeInForce?: TimeInForce;

  @PositiveNumberField(
    'Buy only: limit price of an attached take-profit sell (OCO with stopLoss).',
    200,
    6,
    MAX_PRICE,
  )
  takeProfit?: number;

  @PositiveNumberField(
    'Stop price of a stop-loss sell: on a buy, attached when it fills (OCO with takeProfit); on a ' +
      'sell limit order, placed with it for the same shares (an OCO exit pair).',
    170,
    6,
    MAX_PRICE,
  )
  stopLoss?: number;

  @PositiveNumberField(
    'With stopLoss: the stop-loss sell is a stop_limit order with this limit price.',
    169.5,
    6,
    MAX_PRICE,
  )
  stopLossLimit?: number;

  @ClientOrderIdField(
    'Your own id for the order, unique per account, for safe retries: the same id with the same order ' +
      'answers the original order with 200 and places nothing; with a different order, 409.',
  )
  clientOrderId?: string;
}

/**
 * Rules that span several fields. Returned as messages so the answer lists every problem at once,
 * like the per-field validation does.
 */
export function orderShapeProblems(order: PlaceOrderDto): string[] {
  const problems: string[] = [];
  if ((order.quantity === undefined) === (order.notional === undefined))
    problems.push('give exactly one of quantity and notional');
  const needsLimit = order.type === 'limit' || order.type === 'stop_limit';
  const needsStop = order.type === 'stop' || order.type === 'stop_limit';
  if (needsLimit !== (order.limitPrice !== undefined))
    problems.push(
      needsLimit
        ? `limitPrice is required for ${order.type}`
        : `limitPrice is not allowed for ${order.type}`,
    );
  if (needsStop !== (order.stopPrice !== undefined))
    problems.push(
      needsStop
        ? `stopPrice is required for ${order.type}`
        : `stopPrice is not allowed for ${order.type}`,
    );
  const trails = Number(order.trailPercent !== undefined) + Number(order.trailAmount !== undefined);
  if (order.type === 'trailing_stop' && trails !== 1)
    problems.push('trailing_stop needs exactly one of trailPercent and trailAmount');
  if (order.type !== 'trailing_stop' && trails > 0)
    problems.push(`trailPercent/trailAmount are only for trailing_stop`);
  if (order.takeProfit !== undefined && order.side !== 'buy')
    problems.push('takeProfit attaches to buy orders only');
  if (order.stopLoss !== undefined && order.side === 'sell' && order.type !== 'limit')
    problems.push('a sell takes a stopLoss only as a limit order (an OCO exit pair)');
  if (order.stopLossLimit !== undefined && order.stopLoss === undefined)
    problems.push('stopLossLimit needs a stopLoss');
  if (
    order.takeProfit !== undefined &&
    order.stopLoss !== undefined &&
    order.takeProfit <= order.stopLoss
  )
    problems.push('takeProfit must be above stopLoss');
  if (order.timeInForce === 'ioc' && order.type !== 'market' && order.type !== 'limit')
    problems.push('ioc is only for market and limit orders');
  return problems;
}
