export * from './compute-metrics';
export * from './metrics-types';
export * from './curve-retention';
export * from './performance';
export * from './performance-types';
export * from './thinned-curve';
