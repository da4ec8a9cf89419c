export * from './calendar-date';
export * from './new-york-time';
export * from './nyse-calendar';
export * from './nyse-holiday-rules';
export * from './nyse-holiday-table';
export * from './new-york-day-cache';
export * from './span-cache';
