import type { AuthMe, Role } from '@ptp/contracts';

/** /api/auth/me for a signed-in dashboard user. */
export function signedInAs(name: string, role: Role): AuthMe {
  return {
    mode: 'required',
    user: { name, role },
    role,
    expiresAt: '2025-01-03T15:00:00.000Z',
  };
}

export const SIGNED_OUT_ME: AuthMe = { mode: 'required', user: null, role: null, expiresAt: null };
