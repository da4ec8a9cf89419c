/** Whatever knows which accounts this process trades (the paper-trading desks). */
export interface OwnedAccounts {
  ownedAccountIds(): string[];
}

export const OWNED_ACCOUNTS = Symbol('OWNED_ACCOUNTS');

export const NO_ACCOUNTS: OwnedAccounts = { ownedAccountIds: () => [] };
