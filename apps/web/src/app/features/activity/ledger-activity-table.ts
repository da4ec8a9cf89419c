import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import type { LedgerActivityRow } from './ledger-activity.view';

/** Fills, splits and dividends, newest first (GET /api/activities). */
@Component({
  selector: 'ptp-ledger-activity-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES],
  template: `
    <table class="grid" data-testid="activity-table">
      <thead>
        <tr>
          <th>Time (UTC)</th>
          <th>Symbol</th>
          <th>Activity</th>
          <th class="num">Shares</th>
          <th class="num">Terms</th>
          <th class="num">Cash</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.id) {
          <tr
            [attr.data-testid]="row.kind === 'fill' ? 'fill-row' : 'corporate-row'"
            [attr.data-kind]="row.kind"
          >
            <td class="num">{{ row.time | utc }}</td>
            <td class="accent">{{ row.symbol }}</td>
            <td [class]="row.tone">{{ row.label }}</td>
            <td class="num">{{ row.shares }}</td>
            <td class="num">{{ row.terms }}</td>
            <td class="num">{{ row.cash }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="6" class="muted">No activity yet</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class LedgerActivityTable {
  readonly rows = input.required<readonly LedgerActivityRow[]>();
}
