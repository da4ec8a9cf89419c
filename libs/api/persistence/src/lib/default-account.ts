export const DEFAULT_ACCOUNT_ID = 'default';
export const DEFAULT_ACCOUNT_NAME = 'Default';
