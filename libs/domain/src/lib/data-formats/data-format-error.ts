export type DataFormatErrorCode =
  | 'BAD_HEADER'
  | 'WRONG_COLUMN_COUNT'
  | 'BAD_DATE'
  | 'BAD_NUMBER'
  | 'INCONSISTENT_BAR'
  | 'OUT_OF_ORDER'
  | 'BAD_JSON'
  | 'PROVIDER_ERROR'
  | 'BAD_RESULT'
  | 'MISSING_SYMBOL';

/** A parse failure with a stable code and, for line-based formats, the 1-based line number. */
export class DataFormatError extends Error {
  constructor(
    readonly code: DataFormatErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'DataFormatError';
  }
}

/** Checks the fields every parsed bar must satisfy, whatever its source format. */
export function checkBarNumbers(
  fields: Readonly<Record<'open' | 'high' | 'low' | 'close' | 'volume', number>>,
  where: string,
  line?: number,
): void {
  for (const [name, value] of Object.entries(fields)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new DataFormatError(
        'BAD_NUMBER',
        `${where}: ${name} must be a non-negative number`,
        line,
      );
    }
  }
  if (fields.high < fields.low) {
    throw new DataFormatError(
      'INCONSISTENT_BAR',
      `${where}: high ${fields.high} is below low ${fields.low}`,
      line,
    );
  }
}
