export * from './data-format-error';
export * from './polygon-aggregates';
export * from './yahoo-daily-csv';
