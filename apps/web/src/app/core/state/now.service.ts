import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/** Wall-clock time as a signal, ticking once a second, for countdowns and ages. */
@Injectable({ providedIn: 'root' })
export class Now {
  private readonly current = signal(Date.now());
  readonly ms = this.current.asReadonly();

  constructor() {
    const timer = setInterval(() => this.current.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
