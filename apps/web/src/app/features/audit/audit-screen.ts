import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AuditEntry, Page } from '@ptp/contracts';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { type ApiFailure, toApiFailure } from '../../core/api/api-failure';
import { type AuditQuery, AuditApi } from '../../core/api/audit-api.service';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import { AUDIT_PAGE_SIZES, detailsText, pageRange, utcInputToIso } from './audit.view';

type Loaded =
  | { readonly page: Page<AuditEntry>; readonly error: null }
  | { readonly page: null; readonly error: ApiFailure };

/** Who did what, for admins: filtered by time and user, a page at a time (newest first, as the server sends it). */
@Component({
  selector: 'ptp-audit-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES],
  templateUrl: './audit-screen.html',
  styles: `
    .filters {
      margin: 0 0 0.5rem;
    }
    .pager {
      display: flex;
      gap: 0.4rem;
      align-items: center;
    }
    .details {
      max-width: 360px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-family: var(--mono);
    }
    .scroll {
      max-height: 70vh;
    }
  `,
})
export class AuditScreen {
  private readonly api = inject(AuditApi);
  protected readonly pageSizes = AUDIT_PAGE_SIZES;
  protected readonly detailsText = detailsText;

  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly user = signal('');
  protected readonly limit = signal<number>(AUDIT_PAGE_SIZES[0]);

  /** What is shown; a new object (even an equal one) loads again. */
  protected readonly query = signal<AuditQuery>({ limit: AUDIT_PAGE_SIZES[0], offset: 0 });
  protected readonly loading = signal(true);
  private readonly loaded = toSignal(
    toObservable(this.query).pipe(
      tap(() => this.loading.set(true)),
      switchMap((query) =>
        this.api.page(query).pipe(
          map((page): Loaded => ({ page, error: null })),
          catchError((error: unknown) => of<Loaded>({ page: null, error: toApiFailure(error) })),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
  );
  protected readonly page = computed(() => this.loaded()?.page ?? null);
  protected readonly error = computed(() => this.loaded()?.error ?? null);
  protected readonly range = computed(() => {
    const page = this.page();
    return page ? pageRange(page) : '—';
  });
  protected readonly hasPrevious = computed(() => this.query().offset > 0);
  protected readonly hasNext = computed(() => {
    const page = this.page();
    return page !== null && page.offset + page.items.length < page.total;
  });

  protected apply(event: Event): void {
    event.preventDefault();
    this.query.set({
      from: utcInputToIso(this.from()),
      to: utcInputToIso(this.to()),
      user: this.user().trim() || undefined,
      limit: this.limit(),
      offset: 0,
    });
  }

  protected turn(direction: 1 | -1): void {
    this.query.update((query) => ({
      ...query,
      offset: Math.max(0, query.offset + direction * query.limit),
    }));
  }

  protected reload(): void {
    this.query.update((query) => ({ ...query }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
