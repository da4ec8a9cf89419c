import type { AuthMe } from '@ptp/contracts';

/** Screens that only some callers may open. */
export type RestrictedArea = 'tokens' | 'users' | 'audit';

/**
 * Who sees which restricted screen. Tokens and users belong to signed-in users, so local mode (no users) has
 * neither; the audit log is an admin's, which local mode acts as.
 */
export const AREA_ACCESS: Readonly<Record<RestrictedArea, (me: AuthMe) => boolean>> = {
  tokens: (me) => me.mode === 'required' && me.user !== null,
  users: (me) => me.mode === 'required' && me.role === 'admin',
  audit: (me) => me.role === 'admin',
};

/**
 * Where to go after login: only a path inside this app, so a crafted link cannot send a fresh session to
 * another site (`//host`, `https://…`) or back to the login screen.
 */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  if (!returnUrl || !returnUrl.startsWith('/') || returnUrl.startsWith('//')) return '/';
  if (returnUrl.includes('\\') || /^\/login(?:[/?#]|$)/.test(returnUrl)) return '/';
  return returnUrl;
}
