export * from './polygon-mock-server';
export * from './polygon-mock-stream';
