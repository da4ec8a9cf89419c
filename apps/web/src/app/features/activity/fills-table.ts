import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import type { FillRow } from './activity.model';

@Component({
  selector: 'ptp-fills-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES],
  template: `
    <table class="grid" data-testid="fills-table">
      <thead>
        <tr>
          <th>Time (UTC)</th>
          <th>Symbol</th>
          <th>Side</th>
          <th class="num">Qty</th>
          <th class="num">Price</th>
          <th class="num">Fee</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.id) {
          <tr data-testid="fill-row">
            <td class="num">{{ row.time | utc }}</td>
            <td class="accent">{{ row.symbol }}</td>
            <td [class]="row.side === 'buy' ? 'gain' : 'loss'">{{ row.side.toUpperCase() }}</td>
            <td class="num">{{ row.quantity | qty }}</td>
            <td class="num">{{ row.price | money: false : 4 }}</td>
            <td class="num">{{ row.commission | money }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="6" class="muted">No fills yet</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class FillsTable {
  readonly rows = input.required<readonly FillRow[]>();
}
