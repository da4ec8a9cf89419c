import { type Signal, signal } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ApiFailure } from '../api/api-failure';

/** One change sent to the server at a time, with what the screen shows of it: in flight, failed, or done. */
export interface ServerAction {
  readonly busy: Signal<boolean>;
  readonly failure: Signal<ApiFailure | null>;
  /** What the last successful change did, in words. */
  readonly message: Signal<string | null>;
  /** Sends `request`; `after` gets the answer once it succeeded. */
  run<T>(request: Observable<T>, done: string, after?: (answer: T) => void): void;
}

export function serverAction(): ServerAction {
  const busy = signal(false);
  const failure = signal<ApiFailure | null>(null);
  const message = signal<string | null>(null);
  return {
    busy: busy.asReadonly(),
    failure: failure.asReadonly(),
    message: message.asReadonly(),
    run: <T>(request: Observable<T>, done: string, after?: (answer: T) => void) => {
      busy.set(true);
      failure.set(null);
      message.set(null);
      request.subscribe({
        next: (answer) => {
          busy.set(false);
          message.set(done);
          after?.(answer);
        },
        error: (error: ApiFailure) => {
          busy.set(false);
          failure.set(error);
        },
      });
    },
  };
}
