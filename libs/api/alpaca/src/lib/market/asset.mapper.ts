import { assetUuid } from '../shared/alpaca-values';

/** An asset as Alpaca's Trading API v2 returns it: a US equity of the tradable universe. */
export interface AlpacaAsset {
  readonly id: string;
  readonly class: 'us_equity';
  readonly exchange: string;
  readonly symbol: string;
  readonly name: string;
  readonly status: 'active';
  readonly tradable: true;
  readonly marginable: false;
  readonly shortable: false;
  readonly easy_to_borrow: false;
  readonly fractionable: true;
  readonly attributes: string[];
}

export function toAlpacaAsset(symbol: string): AlpacaAsset {
  return {
    id: assetUuid(symbol),
    class: 'us_equity',
    exchange: '',
    symbol,
    name: symbol,
    status: 'active',
    tradable: true,
    marginable: false,
    shortable: false,
    easy_to_borrow: false,
    fractionable: true,
    attributes: [],
  };
}
