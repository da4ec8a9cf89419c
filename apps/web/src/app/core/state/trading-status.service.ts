import { Injectable, inject } from '@angular/core';
import { MarketApi } from '../api/market-api.service';
import { PaperTradingApi } from '../api/paper-trading-api.service';
import { pollResource } from '../polling/poll-resource';

/** Session and market status, polled for the status bar and the trading controls. */
@Injectable({ providedIn: 'root' })
export class TradingStatus {
  private readonly market = inject(MarketApi);
  private readonly paperTrading = inject(PaperTradingApi);

  readonly session = pollResource(() => this.paperTrading.status());
  readonly marketStatus = pollResource(() => this.market.status());
}
