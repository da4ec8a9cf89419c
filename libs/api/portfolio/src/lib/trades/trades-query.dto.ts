import { PageLimitField, PageOffsetField, RangeQueryDto, SymbolQueryField } from '@ptp/api/shared';

export class TradesQueryDto extends RangeQueryDto {
  @SymbolQueryField()
  symbol?: string;

  @PageLimitField(100)
  limit?: number;

  @PageOffsetField()
  offset?: number;
}

/** The CSV export takes the same filters but no page: it returns every matching fill. */
export class TradesCsvQueryDto extends RangeQueryDto {
  @SymbolQueryField()
  symbol?: string;
}
