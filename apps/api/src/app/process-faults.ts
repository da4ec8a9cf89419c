import pino, { type Logger } from 'pino';

/** The exit code of a process ended by a fault nobody handled (Node's own for an uncaught exception). */
export const FAULT_EXIT_CODE = 1;

/** Synchronous, so the line is written before the process exits. */
const faultLogger = (): Logger => pino(pino.destination({ dest: 1, sync: true }));

/**
 * An unhandled rejection or exception leaves the process in a state no code was written for, so it
 * is logged (one JSON line, like every other log) and the process ends with a non-zero code. Nothing
 * is half done on purpose: every change is committed in one transaction or not at all, and a
 * restarted API resumes running sessions from the database exactly as after a crash.
 */
export function installProcessFaultHandlers(
  logger: Logger = faultLogger(),
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const fail = (kind: string) => (error: unknown) => {
    try {
      logger.fatal({ err: error }, `${kind}; exiting`);
      logger.flush();
    } catch {
      process.stderr.write(`${kind}; exiting: ${String(error)}\n`);
    }
    exit(FAULT_EXIT_CODE);
  };
  process.on('unhandledRejection', fail('unhandled rejection'));
  process.on('uncaughtException', fail('uncaught exception'));
}
