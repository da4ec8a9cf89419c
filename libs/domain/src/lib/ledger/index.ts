export * from './fill';
export * from './ledger';
export * from './ledger-error';
export * from './round-trips';
