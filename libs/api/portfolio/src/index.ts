export * from './lib/portfolio.module';
export * from './lib/health/portfolio-invariants.contributor';
export * from './lib/trades/trades-query.dto';
