import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import { Sparkline } from '../../shared/charts/sparkline';
import type { WatchRow } from './activity.model';

@Component({
  selector: 'ptp-watchlist-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES, Sparkline],
  template: `
    <table class="grid" data-testid="watchlist-table">
      <thead>
        <tr>
          <th>Symbol</th>
          <th class="num">Last</th>
          <th class="num">Chg</th>
          <th class="num">Chg %</th>
          <th>Trend</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.symbol) {
          <tr
            [attr.data-testid]="'watch-' + row.symbol"
            (click)="selected.emit(row.symbol)"
            class="clickable"
          >
            <td class="accent">
              <button type="button" class="link" (click)="selected.emit(row.symbol)">
                {{ row.symbol }}
              </button>
              @if (row.stale) {
                <span class="warn" title="Price is stale"> STALE</span>
              }
            </td>
            <td class="num">{{ row.last | money }}</td>
            <td class="num" [class]="row.change | pnl">{{ row.change | money: true }}</td>
            <td class="num" [class]="row.changePct | pnl">{{ row.changePct | pct: true }}</td>
            <td><ptp-sparkline [values]="row.history" /></td>
          </tr>
        } @empty {
          <tr>
            <td colspan="5" class="muted">Watchlist is empty</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .clickable {
      cursor: pointer;
    }
    .link {
      background: none;
      border: 0;
      padding: 0;
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
  `,
})
export class WatchlistTable {
  readonly rows = input.required<readonly WatchRow[]>();
  readonly selected = output<string>();
}
