import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export interface KpiTile {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** gain / loss / flat colouring, or none. */
  readonly tone?: 'gain' | 'loss' | 'flat';
  readonly hint?: string;
}

@Component({
  selector: 'ptp-kpi-tiles',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (tile of tiles(); track tile.id) {
      <div class="tile" [attr.data-testid]="'kpi-' + tile.id" [attr.title]="tile.hint ?? null">
        <div class="tile__label">{{ tile.label }}</div>
        <div class="tile__value num" [class]="'tile__value num ' + (tile.tone ?? '')">
          {{ tile.value }}
        </div>
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(110px, 1fr));
      gap: 1px;
      background: var(--line);
      border: 1px solid var(--line);
    }
    .tile {
      background: var(--panel);
      padding: 0.3rem 0.5rem;
    }
    .tile__label {
      color: var(--muted);
      font-size: 10px;
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
    .tile__value {
      font-size: 16px;
      text-align: right;
    }
  `,
})
export class KpiTiles {
  readonly tiles = input.required<readonly KpiTile[]>();
}
