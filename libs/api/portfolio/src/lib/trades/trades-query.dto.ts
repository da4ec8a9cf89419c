import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageLimitField, RangeQueryDto, SymbolQueryField } from '@ptp/api/shared';

export class TradesQueryDto extends RangeQueryDto {
  @SymbolQueryField()
  symbol?: string;

  @PageLimitField(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  offset?: number;
}

/** The CSV export takes the same filters but no page: it returns every matching fill. */
export class TradesCsvQueryDto extends RangeQueryDto {
  @SymbolQueryField()
  symbol?: string;
}
