import { hostname } from 'node:os';
import { ConfigError } from './config-error';

const INSTANCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * The name this process goes by among its peers. The host name tells an operator which machine
 * or container it is; the pid tells two processes on one host apart.
 */
export function resolveInstanceId(explicit: string | undefined): string {
  if (!explicit) return `${hostname()}-${process.pid}`;
  if (INSTANCE_ID_PATTERN.test(explicit)) return explicit;
  throw new ConfigError([
    {
      key: 'INSTANCE_ID',
      value: explicit,
      allowed:
        'letters, digits, ".", "_" and "-", at most 64 characters, starting with a letter or digit',
      source: 'environment',
    },
  ]);
}
