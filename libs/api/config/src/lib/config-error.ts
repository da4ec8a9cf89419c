export interface ConfigIssue {
  /** Dotted path in the JSON file, or the environment variable's name. */
  readonly key: string;
  readonly value: unknown;
  /** What would have been accepted. */
  readonly allowed: string;
  readonly source: string;
}

/** Thrown at start-up when the configuration is invalid; the message lists every bad key. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      'Invalid configuration:\n' +
        issues
          .map((i) => `  - ${i.key} = ${JSON.stringify(i.value)} (${i.source}): ${i.allowed}`)
          .join('\n'),
    );
    this.name = 'ConfigError';
  }
}
