/** Roles, from least to most trusted: a viewer reads, a trader also trades its own accounts, an admin manages everything. */
export const ROLES = ['viewer', 'trader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How the server decides who may call it: `local` trusts every caller (loopback and no users),
 * `required` asks every caller for a session cookie or an API token.
 */
export type AuthState = 'local' | 'required';

/** GET /api/auth/me, and the body of POST /api/auth/login. */
export interface AuthMe {
  readonly mode: AuthState;
  /** Null when nobody is logged in (and always in local mode). */
  readonly user: { readonly name: string; readonly role: Role } | null;
  /** What this caller may do: `local` mode acts as an admin. */
  readonly role: Role | null;
  /** The session's expiry, for a logged-in dashboard user. */
  readonly expiresAt: string | null;
}

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
}

/** GET /api/users, POST /api/users, PATCH /api/users/:name. */
export interface UserSummary {
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

/** GET /api/tokens; the plaintext `token` only ever appears in the POST answer. */
export interface ApiTokenSummary {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly role: Role;
  readonly accountId: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export interface CreatedApiToken extends ApiTokenSummary {
  readonly token: string;
}

/** GET /api/audit. */
export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  /** User name, `local` in local mode, `cli` for the users command. */
  readonly user: string;
  readonly tokenId: string | null;
  readonly action: string;
  readonly method: string | null;
  readonly path: string | null;
  readonly accountId: string | null;
  readonly status: number | null;
  readonly ip: string | null;
  readonly details: Record<string, unknown> | null;
}
