/** One dashboard login as stored: the key is the SHA-256 of the cookie's secret. */
export interface LoginRecord {
  readonly userId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly ip: string | null;
  /**
   * A digest of the user's password hash when the login began: a new password (set by an admin, or
   * by `npm run users` in another process that cannot reach this store) ends the login.
   */
  readonly credential: string;
}

/** Where logins live: the database by default, Redis when REDIS_URL is set (shared by instances). */
export abstract class LoginSessionStore {
  abstract save(id: string, record: LoginRecord): Promise<void>;
  abstract find(id: string): Promise<LoginRecord | null>;
  abstract remove(id: string): Promise<void>;
}
