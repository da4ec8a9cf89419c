import { Injectable } from '@nestjs/common';
import {
  AccountEntity,
  CorporateActivityEntity,
  corporateActivityFromRow,
  PositionEntity,
} from '@ptp/api/persistence';
import { type ContributorHealth, HealthContributor } from '@ptp/api/shared';
import { dec } from '@ptp/domain';
import { DataSource } from 'typeorm';
import { IncrementalLedgerFolds } from './incremental-ledger-folds';
import { foldActivities, type FoldedLedger } from './ledger-fold';

interface AccountProblem {
  readonly accountId: string;
  readonly problems: string[];
}

/**
 * `/health` → `portfolio`: for every account, cash folded from paper_trades (and paid dividends) is
 * ≥ 0 and the positions table holds exactly the quantities the fills and splits add up to (no
 * short, nothing missing).
 * The fold is kept between checks and extended with new fills only; a problem found on an
 * extended fold is confirmed on a fold of every fill before it is reported.
 */
@Injectable()
export class PortfolioInvariantsContributor extends HealthContributor {
  readonly key = 'portfolio';
  readonly readiness = false;

  private readonly folds: IncrementalLedgerFolds;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.folds = new IncrementalLedgerFolds(dataSource);
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
    const [{ ledger, extended }, positions, activities] = await Promise.all([
      this.folds.fold(account.id, account.startingCapital),
      this.dataSource.getRepository(PositionEntity).find({ where: { accountId: account.id } }),
      this.dataSource
        .getRepository(CorporateActivityEntity)
        .find({ where: { accountId: account.id } }),
    ]);
    const folded = foldActivities(ledger, activities.map(corporateActivityFromRow));
    const problems = this.compare(folded, positions);
    if (problems.length === 0 || !extended) return problems;
    this.folds.forget(account.id);
    return this.problemsOf(account);
  }

  private compare(folded: FoldedLedger, positions: readonly PositionEntity[]): string[] {
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
