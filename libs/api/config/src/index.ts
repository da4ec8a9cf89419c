export * from './lib/app-config';
export * from './lib/app-config.module';
export * from './lib/config-error';
export * from './lib/load-app-config';
export * from './lib/secret';
export * from './lib/default-platform-config';
export * from './lib/loopback-host';
export * from './lib/startup-refusal';
