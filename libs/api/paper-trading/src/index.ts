export * from './lib/paper-trading.module';
export * from './lib/accounts/accounts.service';
export * from './lib/chart-data/chart-data.store';
export * from './lib/desk/trading-desks.service';
export * from './lib/desk/portfolio-view';
export * from './lib/retention/history-retention.service';
export * from './lib/sessions/trading-sessions.service';
