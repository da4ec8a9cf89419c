export * from './daily-loss-guard';
export * from './pre-trade-checks';
export * from './risk-config';
export * from './sizing';
export * from './day-trades';
