export * from './fees';
export * from './fill-cost';
export * from './fill-price';
export * from './live-price';
export * from './slippage';
