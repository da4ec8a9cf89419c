import { withoutUndefined } from '@ptp/api/runtime-config';
import { ApiError } from '@ptp/api/shared';
import {
  BACKTEST_ERROR_CODES,
  CONFIG_ERROR_CODES,
  type BacktestSizing,
  type RuntimeConfig,
} from '@ptp/contracts';
import {
  DataFormatError,
  isoDateToUtcMidnight,
  parseCorporateActions,
  validateStrategyParams,
  DAY_MS,
  type CorporateActions,
} from '@ptp/domain';
import type { BacktestRequestDto } from './backtest-request.dto';
import type { BacktestJob, SubmittedJobSource } from './worker/backtest-job';

/** A year of 1-minute bars per symbol is the most a simulated run may ask for. */
export const MAX_SIMULATED_DAYS = 366;

function calendarDate(field: 'from' | 'to', value: string): number {
  try {
    return isoDateToUtcMidnight(value);
  } catch {
    throw ApiError.badRequest(
      BACKTEST_ERROR_CODES.invalidRange,
      `${field} (${value}) is not a calendar date.`,
      { [field]: value },
    );
  }
}

function checkRange(request: BacktestRequestDto): void {
  const days = (calendarDate('to', request.to) - calendarDate('from', request.from)) / DAY_MS;
  if (days < 0)
    throw ApiError.badRequest(
      BACKTEST_ERROR_CODES.invalidRange,
      `from (${request.from}) must not be after to (${request.to}).`,
      { from: request.from, to: request.to },
    );
  if (request.source.type === 'simulated' && days >= MAX_SIMULATED_DAYS) {
    throw ApiError.badRequest(
      BACKTEST_ERROR_CODES.invalidRange,
      `A simulated run covers at most ${MAX_SIMULATED_DAYS} days of 1-minute bars.`,
      { maxDays: MAX_SIMULATED_DAYS },
    );
  }
}

function checkSource(request: BacktestRequestDto): void {
  const { source } = request;
  const foreign = [
    source.type !== 'simulated' && source.seed !== undefined ? 'seed' : null,
    source.type !== 'polygon' && source.timespan !== undefined ? 'timespan' : null,
    source.type !== 'csv' && source.csv !== undefined ? 'csv' : null,
    source.type !== 'csv' && source.adjusted !== undefined ? 'adjusted' : null,
  ].filter((field) => field !== null);
  if (foreign.length > 0) {
    throw ApiError.badRequest(
      'VALIDATION_FAILED',
      `source.${foreign.join(', source.')} does not apply to a ${source.type} source.`,
      { fields: foreign },
    );
  }
  if (source.type === 'csv' && request.symbols.length !== 1) {
    throw ApiError.badRequest(
      'VALIDATION_FAILED',
      'A CSV source holds the bars of exactly one symbol: give one symbol.',
      { symbols: request.symbols },
    );
  }
}

function sizingOf(request: BacktestRequestDto): BacktestSizing {
  const sizing = request.sizing;
  if (sizing?.mode === 'quantity') return { mode: 'quantity', quantity: sizing.quantity as number };
  if (sizing?.mode === 'notional') return { mode: 'notional', notional: sizing.notional as number };
  return { mode: 'auto' };
}

function jobSource(request: BacktestRequestDto): SubmittedJobSource {
  const { source } = request;
  if (source.type === 'simulated') return { kind: 'simulated', seed: source.seed as number };
  if (source.type === 'csv')
    return { kind: 'csv', csv: source.csv as string, adjusted: source.adjusted ?? false };
  return { kind: 'polygon', timespan: source.timespan ?? 'day' };
}

/** A split or dividend list longer than this is refused (the job is stored as JSON with the run). */
export const MAX_CORPORATE_ACTIONS = 10_000;

function corporateActionsOf(request: BacktestRequestDto): CorporateActions | undefined {
  if (request.corporateActions === undefined) return undefined;
  const fail = (message: string): never => {
    throw ApiError.badRequest(BACKTEST_ERROR_CODES.invalidCorporateActions, message, {
      maxItems: MAX_CORPORATE_ACTIONS,
    });
  };
  let actions: CorporateActions;
  try {
    actions = parseCorporateActions(request.corporateActions);
  } catch (error) {
    if (!(error instanceof DataFormatError)) throw error;
    return fail(`corporateActions: ${error.message}`);
  }
  if (actions.splits.length + actions.dividends.length > MAX_CORPORATE_ACTIONS)
    fail(`corporateActions holds more than ${MAX_CORPORATE_ACTIONS} items.`);
  return actions;
}

/** Everything a field-by-field DTO check cannot see, then the job with the runtime config's defaults filled in. */
export function resolveBacktestJob(
  request: BacktestRequestDto,
  config: RuntimeConfig,
  startingCapital: number,
): BacktestJob<SubmittedJobSource> {
  checkRange(request);
  checkSource(request);
  const corporateActions = corporateActionsOf(request);
  const params = validateStrategyParams(request.strategy, request.params);
  if (!params.ok) {
    throw ApiError.badRequest(
      CONFIG_ERROR_CODES.invalidStrategyParams,
      params.errors.map((e) => e.message).join('; '),
      { errors: params.errors },
    );
  }
  return {
    symbols: request.symbols,
    strategy: request.strategy,
    params: params.params,
    from: request.from,
    to: request.to,
    capital: request.capital ?? startingCapital,
    sizing: sizingOf(request),
    fees: { ...config.fees, ...withoutUndefined(request.fees ?? {}) },
    slippageBps: request.slippageBps ?? config.slippageBps,
    risk:
      request.risk === false
        ? null
        : {
            ...config.risk,
            ...(typeof request.risk === 'object' ? withoutUndefined(request.risk) : {}),
          },
    ...(corporateActions ? { corporateActions } : {}),
    execution: { ...config.execution, ...withoutUndefined(request.execution ?? {}) },
    data: jobSource(request),
  };
}
