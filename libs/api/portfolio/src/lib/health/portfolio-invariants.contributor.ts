import { Injectable } from '@nestjs/common';
import { AccountEntity, PaperTradeEntity, PositionEntity } from '@ptp/api/persistence';
import { type ContributorHealth, HealthContributor } from '@ptp/api/shared';
import { dec } from '@ptp/domain';
import { DataSource } from 'typeorm';
import { foldFills } from './ledger-fold';

interface AccountProblem {
  readonly accountId: string;
  readonly problems: string[];
}

/**
 * `/health` → `portfolio`: for every account, cash folded from paper_trades is ≥ 0 and the
 * positions table holds exactly the quantities the fills add up to (no short, nothing missing).
 */
@Injectable()
export class PortfolioInvariantsContributor extends HealthContributor {
  readonly key = 'portfolio';
  readonly readiness = false;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async check(): Promise<ContributorHealth> {
    const accounts = await this.dataSource.getRepository(AccountEntity).find();
    const failing: AccountProblem[] = [];
    for (const account of accounts) {
      const problems = await this.problemsOf(account);
      if (problems.length > 0) failing.push({ accountId: account.id, problems });
    }
    return failing.length === 0
      ? { status: 'up', state: 'ok', accounts: accounts.length }
      : { status: 'down', state: 'inconsistent', accounts: accounts.length, failing };
  }

  private async problemsOf(account: AccountEntity): Promise<string[]> {
    const [fills, positions] = await Promise.all([
      this.dataSource
        .getRepository(PaperTradeEntity)
        .find({ where: { accountId: account.id }, order: { executedAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(PositionEntity).find({ where: { accountId: account.id } }),
    ]);
    const folded = foldFills(account.startingCapital, fills);
    const problems: string[] = [];
    if (folded.cash.isNegative()) problems.push(`cash ${folded.cash.toString()} < 0`);
    const held = new Map(positions.map((p) => [p.symbol, dec(p.quantity)]));
    for (const symbol of new Set([...folded.quantities.keys(), ...held.keys()])) {
      const fromFills = folded.quantities.get(symbol) ?? dec(0);
      const inTable = held.get(symbol) ?? dec(0);
      if (fromFills.isNegative())
        problems.push(`${symbol}: fills give a short position ${fromFills.toString()}`);
      if (!fromFills.equals(inTable))
        problems.push(
          `${symbol}: positions table ${inTable.toString()} ≠ fills ${fromFills.toString()}`,
        );
    }
    return problems;
  }
}
