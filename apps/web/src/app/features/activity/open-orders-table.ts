import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import type { OpenOrderRow } from './activity.model';

@Component({
  selector: 'ptp-open-orders-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES],
  template: `
    <table class="grid" data-testid="open-orders-table">
      <thead>
        <tr>
          <th>Time (UTC)</th>
          <th>Symbol</th>
          <th>Side</th>
          <th>Type</th>
          <th class="num">Size</th>
          <th class="num">Trigger</th>
          <th>Status</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.id) {
          <tr [attr.data-testid]="'open-order-' + row.id">
            <td class="num">{{ row.createdAt | utc }}</td>
            <td class="accent">{{ row.symbol }}</td>
            <td [class]="row.side === 'buy' ? 'gain' : 'loss'">{{ row.side.toUpperCase() }}</td>
            <td>{{ row.type }}</td>
            <td class="num">{{ row.size }}</td>
            <td class="num">{{ row.trigger }}</td>
            <td>{{ row.status }}</td>
            <td>
              <button
                type="button"
                class="btn btn--small btn--danger"
                [disabled]="cancelling().includes(row.id)"
                [attr.data-testid]="'cancel-order-' + row.id"
                [attr.aria-label]="'Cancel order ' + row.id"
                (click)="cancelOrder.emit(row.id)"
              >
                Cancel
              </button>
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="8" class="muted">No open orders</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class OpenOrdersTable {
  readonly rows = input.required<readonly OpenOrderRow[]>();
  /** Ids whose cancel request is in flight. */
  readonly cancelling = input<readonly string[]>([]);
  readonly cancelOrder = output<string>();
}
