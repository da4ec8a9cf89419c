import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import type { PositionRow } from './activity.model';

@Component({
  selector: 'ptp-positions-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES],
  template: `
    <table class="grid" data-testid="positions-table">
      <thead>
        <tr>
          <th>Symbol</th>
          <th class="num">Qty</th>
          <th class="num">Avg cost</th>
          <th class="num">Last</th>
          <th class="num">Mkt value</th>
          <th class="num">Unrl $</th>
          <th class="num">Unrl %</th>
          <th class="num">Weight</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.symbol) {
          <tr [attr.data-testid]="'position-' + row.symbol">
            <td class="accent">{{ row.symbol }}</td>
            <td class="num">{{ row.quantity | qty }}</td>
            <td class="num">{{ row.avgCost | money }}</td>
            <td class="num">{{ row.last | money }}</td>
            <td class="num">{{ row.marketValue | money }}</td>
            <td class="num" [class]="row.unrealized | pnl">{{ row.unrealized | money: true }}</td>
            <td class="num" [class]="row.unrealizedPct | pnl">
              {{ row.unrealizedPct | pct: true }}
            </td>
            <td class="num">{{ row.weightPct | pct: false : 1 }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="8" class="muted" data-testid="positions-empty">No open positions</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class PositionsTable {
  readonly rows = input.required<readonly PositionRow[]>();
}
