export * from './intraday-profile';
export * from './market-simulator';
export * from './seeded-random';
export * from './session-minutes';
export * from './simulated-corporate-actions';
export * from './symbol-profiles';
export * from './symbol-simulator';
export * from './synthetic-bars';
