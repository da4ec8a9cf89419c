export * from './lib/risk.module';
export * from './lib/config/runtime-config.service';
export * from './lib/config/runtime-config.resolve';
export * from './lib/config/config-patch.dto';
