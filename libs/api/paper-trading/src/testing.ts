export * from './lib/desk/trading-desks.testing';
