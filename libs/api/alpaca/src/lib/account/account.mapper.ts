import type { Valuation } from '@ptp/api/paper-trading';
import { PDT_MAX_DAY_TRADES } from '@ptp/domain';
import { accountUuid, rfc3339 } from '../shared/alpaca-values';

/** The fields of Alpaca's account object; those we do not model carry Alpaca's neutral values. */
export interface AlpacaAccountView {
  readonly [field: string]: string | number | boolean | null;
}

/** The engine's account figures (as the portfolio shows them) in Alpaca's shape. */
export function toAlpacaAccount(
  valuation: Valuation,
  accountId: string,
  createdAt: number,
): AlpacaAccountView {
  return {
    id: accountUuid(accountId),
    account_number: accountId,
    status: 'ACTIVE',
    crypto_status: 'INACTIVE',
    currency: 'USD',
    cash: valuation.cash,
    buying_power: valuation.buyingPower,
    regt_buying_power: valuation.buyingPower,
    daytrading_buying_power: '0',
    effective_buying_power: valuation.buyingPower,
    non_marginable_buying_power: valuation.buyingPower,
    options_buying_power: '0',
    bod_dtbp: '0',
    equity: valuation.equity,
    last_equity: valuation.riskState.dayStartEquity,
    portfolio_value: valuation.equity,
    long_market_value: valuation.positionsValue,
    short_market_value: '0',
    position_market_value: valuation.positionsValue,
    initial_margin: '0',
    maintenance_margin: '0',
    last_maintenance_margin: '0',
    sma: '0',
    multiplier: '1',
    daytrade_count: valuation.riskState.dayTradeCount,
    // FINRA flags an account at its fourth day trade in five business days.
    pattern_day_trader: valuation.riskState.dayTradeCount > PDT_MAX_DAY_TRADES,
    trading_blocked: false,
    transfers_blocked: false,
    account_blocked: false,
    trade_suspended_by_user: false,
    shorting_enabled: false,
    options_approved_level: 0,
    options_trading_level: 0,
    accrued_fees: '0',
    pending_transfer_in: '0',
    pending_transfer_out: '0',
    created_at: rfc3339(createdAt),
    balance_asof: valuation.asOf.slice(0, 10),
  };
}
