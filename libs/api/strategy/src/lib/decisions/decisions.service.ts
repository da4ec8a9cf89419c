import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TimeRange } from '@ptp/api/shared';
import { DecisionEntity } from '@ptp/api/persistence';
import type { Decision, DecisionRiskOutcome, DecisionsPage } from '@ptp/contracts';
import { Between, type Repository } from 'typeorm';

export interface DecisionFilter {
  readonly accountId: string;
  readonly symbol?: string;
  readonly outcome?: DecisionRiskOutcome;
  readonly range: TimeRange;
}

function toDecision(row: DecisionEntity): Decision {
  return {
    id: row.id,
    accountId: row.accountId,
    sessionId: row.sessionId,
    time: new Date(row.time).toISOString(),
    symbol: row.symbol,
    strategy: row.strategy,
    action: row.action,
    reason: row.reason,
    indicators: JSON.parse(row.indicators),
    riskOutcome: row.riskOutcome,
    riskCode: row.riskCode,
    riskReason: row.riskReason,
    orderId: row.orderId,
  };
}

/** Reads the audit trail the session ticks write (one row per evaluated signal). */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectRepository(DecisionEntity) private readonly decisions: Repository<DecisionEntity>,
  ) {}

  async page(filter: DecisionFilter, limit: number, offset: number): Promise<DecisionsPage> {
    // Between is inclusive and the range half-open, so a finite end moves back one millisecond.
    const from = Number.isFinite(filter.range.fromMs) ? filter.range.fromMs : 0;
    const to = Number.isFinite(filter.range.toMs) ? filter.range.toMs - 1 : Number.MAX_SAFE_INTEGER;
    const [rows, total] = await this.decisions.findAndCount({
      where: {
        accountId: filter.accountId,
        time: Between(from, to),
        ...(filter.symbol ? { symbol: filter.symbol } : {}),
        ...(filter.outcome ? { riskOutcome: filter.outcome } : {}),
      },
      order: { time: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toDecision), total, limit, offset };
  }
}
