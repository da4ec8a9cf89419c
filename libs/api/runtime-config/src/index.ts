export * from './lib/runtime-config.module';
export * from './lib/runtime-config.service';
export * from './lib/runtime-config.resolve';
export * from './lib/config-patch.dto';
