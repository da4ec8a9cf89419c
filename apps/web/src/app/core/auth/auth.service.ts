import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuthMe, LoginRequest, Role } from '@ptp/contracts';
import { ROLES } from '@ptp/contracts';
import { type Observable, catchError, firstValueFrom, map, of, tap } from 'rxjs';
import { AuthApi } from '../api/auth-api.service';

/** What a server without an answer to /api/auth/me is taken for: the default local mode, which acts as an admin. */
export const LOCAL_ME: AuthMe = { mode: 'local', user: null, role: 'admin', expiresAt: null };

const SIGNED_OUT: AuthMe = { mode: 'required', user: null, role: null, expiresAt: null };

/** Whether `role` is at least `needed` in the viewer < trader < admin order. */
export function roleAtLeast(role: Role | null, needed: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Who is using the dashboard, as the server sees it: loaded once at start-up, updated on login and logout. */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly api = inject(AuthApi);
  private readonly state = signal<AuthMe>(LOCAL_ME);

  readonly me = this.state.asReadonly();
  readonly mode = computed(() => this.state().mode);
  readonly role = computed(() => this.state().role);
  readonly user = computed(() => this.state().user);
  /** Local mode needs nobody to sign in; otherwise a user must have. */
  readonly signedIn = computed(() => this.mode() === 'local' || this.user() !== null);
  /** Viewers only read: every control that changes something is disabled for them. */
  readonly readOnly = computed(() => !roleAtLeast(this.role(), 'trader'));

  /**
   * Never fails: a server that does not answer (down, or older than the auth endpoints) is taken for local
   * mode, and a later 401 from any call still leads to the login screen.
   */
  load(): Promise<void> {
    return firstValueFrom(
      this.api.me().pipe(
        catchError(() => of(LOCAL_ME)),
        map((me) => this.state.set(me)),
      ),
    );
  }

  login(request: LoginRequest): Observable<AuthMe> {
    return this.api.login(request).pipe(tap((me) => this.state.set(me)));
  }

  logout(): Observable<void> {
    return this.api.logout().pipe(map(() => this.sessionEnded()));
  }

  /** The server no longer accepts this browser's session (logged out, expired, or revoked). */
  sessionEnded(): void {
    this.state.set(SIGNED_OUT);
  }
}
