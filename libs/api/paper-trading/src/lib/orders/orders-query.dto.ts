import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_STATUS_FILTERS, type OrderStatusFilter } from '@ptp/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { AccountQueryDto, PageLimitField } from '@ptp/api/shared';
import { ClientOrderIdField } from './client-order-id';

export class OrdersQueryDto extends AccountQueryDto {
  @ApiPropertyOptional({
    enum: ORDER_STATUS_FILTERS,
    default: 'all',
    description: '`open` = new, accepted or partially filled.',
  })
  @IsOptional()
  @IsIn(ORDER_STATUS_FILTERS)
  status?: OrderStatusFilter;

  @PageLimitField(200, 'Newest orders returned.')
  limit?: number;

  @ClientOrderIdField('Only the order placed with this clientOrderId (at most one).')
  clientOrderId?: string;
}
