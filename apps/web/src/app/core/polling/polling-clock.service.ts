import { DOCUMENT, Injectable, inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import {
  EMPTY,
  type Observable,
  combineLatest,
  distinctUntilChanged,
  fromEvent,
  interval,
  map,
  share,
  startWith,
  switchMap,
} from 'rxjs';
import { Auth } from '../auth/auth.service';
import { DashboardSettings } from '../settings/dashboard-settings.service';

/**
 * One shared heartbeat for every poll: ticks at once, then every configured interval, and stops while the
 * tab is hidden or nobody is signed in (ticking again the moment it becomes visible, or someone signs in).
 */
@Injectable({ providedIn: 'root' })
export class PollingClock {
  private readonly document = inject(DOCUMENT);
  private readonly settings = inject(DashboardSettings);
  private readonly auth = inject(Auth);

  private readonly visible$ = fromEvent(this.document, 'visibilitychange').pipe(
    startWith(null),
    map(() => this.document.visibilityState !== 'hidden'),
    distinctUntilChanged(),
  );

  readonly ticks$: Observable<number> = combineLatest([
    this.visible$,
    toObservable(this.settings.pollIntervalSec),
    toObservable(this.auth.signedIn),
  ]).pipe(
    switchMap(([visible, seconds, signedIn]) =>
      visible && signedIn ? interval(seconds * 1000).pipe(startWith(-1)) : EMPTY,
    ),
    share(),
  );
}
