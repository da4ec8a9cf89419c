import { DestroyRef, type Signal, type ValueEqualityFn, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  EMPTY,
  type Observable,
  Subject,
  catchError,
  exhaustMap,
  merge,
  startWith,
  tap,
} from 'rxjs';
import { type ApiFailure, toApiFailure } from '../api/api-failure';
import { ConnectionStatus } from './connection-status.service';
import { PollingClock } from './polling-clock.service';

export interface PolledResource<T> {
  /** The last good value; kept through failures so an error never blanks a panel. */
  readonly value: Signal<T | undefined>;
  readonly error: Signal<ApiFailure | null>;
  refresh(): void;
  /** Forgets the value (e.g. after switching accounts) and loads afresh. */
  reset(): void;
}

/**
 * Loads at once, then on every polling tick (and on refresh()), skipping ticks while a request is in flight. `load`
 * gets the current value, so incremental sources can fold news into it.
 * Must be called in an injection context; stops when that context is destroyed.
 * `equal` decides when a new answer counts as a change (default: any new object does).
 */
export function pollResource<T>(
  load: (current: T | undefined) => Observable<T>,
  options: { equal?: ValueEqualityFn<T | undefined> } = {},
): PolledResource<T> {
  const clock = inject(PollingClock);
  const connection = inject(ConnectionStatus);
  const value = signal<T | undefined>(undefined, { equal: options.equal });
  const error = signal<ApiFailure | null>(null);
  const manual = new Subject<void>();

  merge(clock.ticks$, manual)
    .pipe(
      // The shared clock may have ticked long ago: a screen opened now loads at once, not one interval later.
      startWith(null),
      exhaustMap(() =>
        load(value()).pipe(
          tap((next) => {
            value.set(next);
            error.set(null);
            connection.markSuccess();
          }),
          catchError((failure: unknown) => {
            const apiFailure = toApiFailure(failure);
            error.set(apiFailure);
            connection.markFailure(apiFailure);
            return EMPTY;
          }),
        ),
      ),
      takeUntilDestroyed(inject(DestroyRef)),
    )
    .subscribe();

  return {
    value: value.asReadonly(),
    error: error.asReadonly(),
    refresh: () => manual.next(),
    reset: () => {
      value.set(undefined);
      manual.next();
    },
  };
}
