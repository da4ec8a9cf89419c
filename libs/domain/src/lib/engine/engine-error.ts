export class EngineError extends Error {
  constructor(
    readonly code: 'OUT_OF_ORDER' | 'RESTORE_MISMATCH' | 'UNSUPPORTED_SNAPSHOT',
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
