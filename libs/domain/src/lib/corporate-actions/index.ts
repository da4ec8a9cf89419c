export * from './corporate-action-types';
export * from './parse-corporate-actions';
export * from './replay-activity';
export * from './adjusted-benchmark';
