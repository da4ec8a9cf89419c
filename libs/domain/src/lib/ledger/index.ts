export * from './fill';
export * from './ledger';
export * from './ledger-error';
export * from './ledger-views';
export * from './round-trips';
