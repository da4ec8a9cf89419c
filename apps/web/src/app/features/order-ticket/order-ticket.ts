import { KeyValuePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { CommandRequests } from '../../core/state/command-requests.service';
import type { Order } from '@ptp/contracts';
import type { ApiFailure } from '../../core/api/api-failure';
import { formatMoney } from '../../core/format/format';
import {
  EMPTY_TICKET,
  ORDER_TYPE_LABELS,
  type OrderTicketForm,
  type TicketOrderType,
  needsLimitPrice,
  needsStopPrice,
} from './order-ticket.model';
import { orderOutcome, rejectionView } from './order-outcome.view';
import {
  type TicketErrors,
  type TicketField,
  validateOrderTicket,
} from './order-ticket.validation';

function parseNumber(raw: string): number | null {
  const trimmed = raw.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** Order entry with validation before sending; the screen sends the order and passes back any rejection. */
@Component({
  selector: 'ptp-order-ticket',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KeyValuePipe],
  templateUrl: './order-ticket.html',
  styleUrl: './order-ticket.scss',
})
export class OrderTicket {
  /** Last prices by symbol, for price-relative checks and the estimate. */
  readonly lastPrices = input<Readonly<Record<string, number>>>({});
  readonly busy = input(false);
  /** The server's answer to the last order: a rejection is shown next to the ticket. */
  readonly rejection = input<ApiFailure | null>(null);
  /** The order the server accepted last, shown as filled or working. */
  readonly accepted = input<Order | null>(null);
  readonly submitted = output<OrderTicketForm>();

  protected readonly rejectionView = computed(() => {
    const failure = this.rejection();
    return failure ? rejectionView(failure) : null;
  });
  protected readonly acceptedText = computed(() => {
    const order = this.accepted();
    return order ? orderOutcome(order) : null;
  });

  protected readonly form = signal<OrderTicketForm>(EMPTY_TICKET);
  private readonly requests = inject(CommandRequests);
  private readonly submitButton = viewChild<ElementRef<HTMLButtonElement>>('submitButton');

  constructor() {
    // BUY AAPL 10 on the command line fills the ticket and focuses Send; the user still sends it.
    afterRenderEffect(() => {
      const request = this.requests.ticket();
      const button = this.submitButton();
      // A busy ticket's Send is disabled and cannot take focus: wait until it is free.
      if (!request || !button || this.busy()) return;
      untracked(() => {
        this.requests.ticket.set(null);
        this.attempted.set(false);
        this.form.set({
          ...EMPTY_TICKET,
          symbol: request.symbol,
          side: request.side,
          sizeMode: request.notional ? 'notional' : 'quantity',
          quantity: request.notional ? null : request.amount,
          notional: request.notional ? request.amount : null,
        });
      });
      button.nativeElement.focus();
    });
  }
  /** Errors show once the user has tried to send, so a fresh ticket is not covered in red. */
  protected readonly attempted = signal(false);
  protected readonly typeOptions = Object.entries(ORDER_TYPE_LABELS) as [TicketOrderType, string][];
  protected readonly needsLimit = computed(() => needsLimitPrice(this.form().type));
  protected readonly needsStop = computed(() => needsStopPrice(this.form().type));

  protected readonly lastPrice = computed<number | null>(
    () => this.lastPrices()[this.form().symbol.trim().toUpperCase()] ?? null,
  );
  protected readonly lastText = computed(() => formatMoney(this.lastPrice()));
  protected readonly errors = computed<TicketErrors>(() =>
    validateOrderTicket(this.form(), { lastPrice: this.lastPrice() }),
  );
  protected readonly shownErrors = computed<TicketErrors>(() =>
    this.attempted() ? this.errors() : {},
  );
  protected readonly estimate = computed(() => {
    const { sizeMode, quantity, notional } = this.form();
    if (sizeMode === 'notional') return formatMoney(notional);
    const price = this.lastPrice();
    return quantity !== null && price !== null ? `≈ ${formatMoney(quantity * price)}` : '—';
  });

  set<K extends TicketField>(field: K, value: OrderTicketForm[K]): void {
    this.form.update((form) => ({ ...form, [field]: value }));
  }

  protected setNumber(field: TicketField, event: Event): void {
    this.set(field, parseNumber((event.target as HTMLInputElement).value) as never);
  }

  protected setText(field: TicketField, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.set(field, (field === 'symbol' ? value.toUpperCase() : value) as never);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.attempted.set(true);
    if (Object.keys(this.errors()).length > 0 || this.busy()) return;
    this.submitted.emit({ ...this.form(), symbol: this.form().symbol.trim().toUpperCase() });
  }
}
