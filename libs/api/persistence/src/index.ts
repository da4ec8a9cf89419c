export * from './lib/column-transformers';
export * from './lib/data-source-options';
export * from './lib/database-writes.service';
export * from './lib/default-account';
export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/persistence.module';
