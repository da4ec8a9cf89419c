import { Injectable } from '@nestjs/common';
import { MarketDataService } from '@ptp/api/market-data';
import { OrdersService, TradingDesks } from '@ptp/api/paper-trading';
import { OrderEntity } from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import type { PortfolioPosition } from '@ptp/contracts';
import { addDays, dec, Dec, newYorkDate, newYorkWallTimeToUtc } from '@ptp/domain';
import { DataSource, In } from 'typeorm';
import { AlpacaOrdersService, type MultiStatusEntry } from '../orders/alpaca-orders.service';
import type { AlpacaOrder } from '../orders/order.mapper';
import { OPEN_STATUSES } from '../orders/order.mapper';
import { type AlpacaPosition, toAlpacaPosition } from './position.mapper';

/** Daily bars looked back over for the previous close (a long weekend plus holidays). */
const LOOKBACK_DAYS = 7;
const QUANTITY_DP = 6;

export interface CloseAmount {
  readonly qty?: string;
  readonly percentage?: string;
}

/** Alpaca's positions over the engine's: read from the desk, closed by market sell orders. */
@Injectable()
export class AlpacaPositionsService {
  constructor(
    private readonly desks: TradingDesks,
    private readonly orders: OrdersService,
    private readonly alpacaOrders: AlpacaOrdersService,
    private readonly marketData: MarketDataService,
    private readonly dataSource: DataSource,
  ) {}

  async list(accountId: string): Promise<AlpacaPosition[]> {
    const { positions } = await this.desks.valuation(accountId);
    const now = await this.now();
    return Promise.all(positions.map((position) => this.map(accountId, position, now)));
  }

  async get(accountId: string, symbol: string): Promise<AlpacaPosition> {
    return this.map(accountId, await this.position(accountId, symbol), await this.now());
  }

  /** The market's now: "today" and the previous close follow the simulated or replayed clock. */
  private async now(): Promise<number> {
    return (await this.marketData.status()).asOf;
  }

  /** Sells all of it, `qty` shares, or `percentage` percent of it, at market. */
  async close(accountId: string, symbol: string, amount: CloseAmount): Promise<AlpacaOrder> {
    const position = await this.position(accountId, symbol);
    const held = dec(position.quantity);
    const quantity = this.closingQuantity(held, amount);
    const { order } = await this.orders.submit({
      accountId,
      symbol: position.symbol,
      side: 'sell',
      type: 'market',
      timeInForce: 'day',
      quantity: quantity.toNumber(),
    });
    return this.alpacaOrders.byId(accountId, order.id);
  }

  /** Closes every position (first canceling working orders with `cancelOrders`); a status each. */
  async closeAll(accountId: string, cancelOrders: boolean): Promise<MultiStatusEntry[]> {
    if (cancelOrders) await this.alpacaOrders.cancelAll(accountId);
    const { positions } = await this.desks.valuation(accountId);
    const results: MultiStatusEntry[] = [];
    for (const { symbol } of positions) {
      try {
        results.push({ symbol, status: 200, body: await this.close(accountId, symbol, {}) });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        results.push({ symbol, status: error.getStatus(), body: { code: error.code } });
      }
    }
    return results;
  }

  private closingQuantity(held: Dec, amount: CloseAmount): Dec {
    if (amount.qty !== undefined && amount.percentage !== undefined)
      throw ApiError.unprocessable('INVALID_QUERY', 'give qty or percentage, not both');
    const parse = (value: string, name: string): Dec => {
      if (!/^\d+(\.\d+)?$/.test(value))
        throw ApiError.unprocessable('INVALID_QUERY', `${name} must be a positive number`);
      return dec(value);
    };
    let quantity = held;
    if (amount.qty !== undefined) quantity = parse(amount.qty, 'qty');
    if (amount.percentage !== undefined) {
      const percent = parse(amount.percentage, 'percentage');
      if (percent.gt(100))
        throw ApiError.unprocessable('INVALID_QUERY', 'percentage must be at most 100');
      quantity = held.times(percent).div(100).toDecimalPlaces(QUANTITY_DP, Dec.ROUND_DOWN);
    }
    if (quantity.lte(0) || quantity.gt(held))
      throw ApiError.forbidden(`insufficient qty available for order (held ${held.toString()})`);
    return quantity;
  }

  private async position(accountId: string, symbol: string): Promise<PortfolioPosition> {
    const { positions } = await this.desks.valuation(accountId);
    const found = positions.find((p) => p.symbol === symbol.toUpperCase());
    if (!found)
      throw ApiError.notFound('POSITION_NOT_FOUND', `position does not exist: ${symbol}`, {
        symbol,
      });
    return found;
  }

  private async map(
    accountId: string,
    position: PortfolioPosition,
    now: number,
  ): Promise<AlpacaPosition> {
    const today = newYorkDate(now);
    const dayStart = newYorkWallTimeToUtc(today, 0);
    const sells = await this.dataSource.getRepository(OrderEntity).find({
      where: { accountId, symbol: position.symbol, side: 'sell', status: In([...OPEN_STATUSES]) },
    });
    const held = sells.reduce(
      (sum, o) => sum.plus(dec(o.quantity ?? '0')).minus(dec(o.filledQuantity)),
      dec(0),
    );
    const lastdayPrice = await this.previousClose(position.symbol, today, dayStart);
    return toAlpacaPosition(position, { held, lastdayPrice, dayStart });
  }

  /** The last daily close before today, from market data's (cached) daily bars. */
  private async previousClose(
    symbol: string,
    today: string,
    dayStart: number,
  ): Promise<Dec | null> {
    const from = newYorkWallTimeToUtc(addDays(today, -LOOKBACK_DAYS), 0);
    const bars = await this.marketData.getBars(symbol, 'day', from, dayStart - 1).catch(() => null);
    const last = bars?.filter((bar) => bar.time < dayStart).at(-1);
    return last ? new Dec(last.close) : null;
  }
}
