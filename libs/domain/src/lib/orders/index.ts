export * from './order-factory';
export * from './order-fills';
export * from './order-state';
export * from './order-types';
export * from './order-validation';
export * from './order-split';
