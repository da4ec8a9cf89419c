export * from './decimal';
export * from './rounding';
export * from './exact-decimal';
