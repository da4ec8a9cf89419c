export * from './compute-metrics';
export * from './metrics-types';
