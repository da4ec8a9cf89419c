import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CorporateActivityEntity, PaperTradeEntity } from '@ptp/api/persistence';
import { inclusiveBounds, type TimeRange } from '@ptp/api/shared';
import type { ActivitiesPage, ActivityItem, ActivityType } from '@ptp/contracts';
import { Between, In, type Repository } from 'typeorm';
import { toTrade } from '../trades/trade.mapper';
import { toCorporateActivityItem } from './activity.mapper';

export interface ActivityFilter {
  readonly accountId: string;
  readonly types: readonly ActivityType[];
  readonly symbol?: string;
  readonly range: TimeRange;
}

interface Listed {
  readonly item: ActivityItem;
  readonly time: number;
  /** At one time the day's corporate actions were booked first, so they list after its fills. */
  readonly rank: number;
}

const newestFirst = (a: Listed, b: Listed) =>
  b.time - a.time || a.rank - b.rank || b.item.id.localeCompare(a.item.id, 'en', { numeric: true });

/**
 * The account's ledger activities: fills from paper_trades, splits and dividends from
 * corporate_activities, merged newest first. A page reads at most offset + limit rows of each.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectRepository(PaperTradeEntity) private readonly fills: Repository<PaperTradeEntity>,
    @InjectRepository(CorporateActivityEntity)
    private readonly corporate: Repository<CorporateActivityEntity>,
  ) {}

  async page(filter: ActivityFilter, limit: number, offset: number): Promise<ActivitiesPage> {
    const take = offset + limit;
    const [fills, corporate] = await Promise.all([
      filter.types.includes('fill') ? this.fillPage(filter, take) : { listed: [], total: 0 },
      this.corporatePage(filter, take),
    ]);
    const items = [...fills.listed, ...corporate.listed]
      .sort(newestFirst)
      .slice(offset, take)
      .map((listed) => listed.item);
    return { items, total: fills.total + corporate.total, limit, offset };
  }

  private async fillPage(filter: ActivityFilter, take: number) {
    const [rows, total] = await this.fills.findAndCount({
      where: {
        accountId: filter.accountId,
        executedAt: between(filter.range),
        ...(filter.symbol ? { symbol: filter.symbol } : {}),
      },
      order: { executedAt: 'DESC', id: 'DESC' },
      take,
    });
    const listed = rows.map((row): Listed => ({
      item: { ...toTrade(row), type: 'fill' },
      time: row.executedAt,
      rank: 0,
    }));
    return { listed, total };
  }

  private async corporatePage(filter: ActivityFilter, take: number) {
    const types = filter.types.filter((type) => type !== 'fill');
    if (types.length === 0) return { listed: [], total: 0 };
    const [rows, total] = await this.corporate.findAndCount({
      where: {
        accountId: filter.accountId,
        type: In(types),
        time: between(filter.range),
        ...(filter.symbol ? { symbol: filter.symbol } : {}),
      },
      order: { time: 'DESC', id: 'DESC' },
      take,
    });
    const listed = rows.map((row): Listed => ({
      item: toCorporateActivityItem(row),
      time: row.time,
      rank: 1,
    }));
    return { listed, total };
  }
}

function between(range: TimeRange) {
  const { from, to } = inclusiveBounds(range);
  return Between(from, to);
}
