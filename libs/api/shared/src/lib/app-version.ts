/** DI token for the application version string reported in every response's metadata. */
export const APP_VERSION = Symbol('APP_VERSION');
