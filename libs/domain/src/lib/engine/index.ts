export * from './engine-config';
export * from './engine-output';
export * from './engine-snapshot';
export * from './session-clock';
export * from './trading-engine';
export * from './account-view';
export * from './position-history';
export * from './risk-state';
