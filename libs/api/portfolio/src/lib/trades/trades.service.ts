import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PaperTradeEntity } from '@ptp/api/persistence';
import type { Trade, TradesPage } from '@ptp/contracts';
import { Between, type FindOptionsWhere, type Repository } from 'typeorm';
import { inclusiveBounds, type TimeRange } from '@ptp/api/shared';
import { toTrade } from './trade.mapper';

export interface TradeFilter {
  readonly accountId: string;
  readonly symbol?: string;
  readonly range: TimeRange;
}

@Injectable()
export class TradesService {
  constructor(
    @InjectRepository(PaperTradeEntity) private readonly trades: Repository<PaperTradeEntity>,
  ) {}

  async page(filter: TradeFilter, limit: number, offset: number): Promise<TradesPage> {
    const [rows, total] = await this.trades.findAndCount({
      where: this.where(filter),
      order: { executedAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toTrade), total, limit, offset };
  }

  async all(filter: TradeFilter): Promise<Trade[]> {
    const rows = await this.trades.find({
      where: this.where(filter),
      order: { executedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toTrade);
  }

  private where(filter: TradeFilter): FindOptionsWhere<PaperTradeEntity> {
    const { from, to } = inclusiveBounds(filter.range);
    return {
      accountId: filter.accountId,
      executedAt: Between(from, to),
      ...(filter.symbol ? { symbol: filter.symbol } : {}),
    };
  }
}
