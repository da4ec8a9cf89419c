import { Inject, Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { AccountFenceEntity, DatabaseWrites } from '@ptp/api/persistence';
import type { AccountOwner } from '@ptp/contracts';
import { Subject, type Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { CLUSTER_SETTINGS, type ClusterSettings } from './cluster-settings';
import { LeaseLostError } from './lease-lost.error';

interface Tenure {
  readonly token: number;
  readonly since: number;
  /** Loaded and its session resumed: from then on its status is this process's to give. */
  settled: boolean;
}

/**
 * The accounts this process holds leases on, with their fencing tokens, and the fence check every
 * write of an account runs in its own transaction. Without a cluster, the process holds every
 * account since it started and there is nothing to fence: the SQLite file lock (or the refusal of
 * split roles without Redis) already makes it the only writer.
 */
@Injectable()
export class AccountFence {
  private readonly held = new Map<string, Tenure>();
  private readonly startedAt = Date.now();
  private readonly fencedOff = new Subject<string>();

  constructor(
    private readonly writes: DatabaseWrites,
    @InjectAppConfig() private readonly config: AppConfig,
    @Inject(CLUSTER_SETTINGS) private readonly cluster: ClusterSettings | null,
  ) {}

  /** Accounts whose fence refused a write of this process: a newer owner has taken them. */
  get lost$(): Observable<string> {
    return this.fencedOff.asObservable();
  }

  /** Whether this process may load and change the account. */
  holds(accountId: string): boolean {
    return this.cluster === null || this.held.has(accountId);
  }

  heldAccountIds(): string[] {
    return [...this.held.keys()];
  }

  /** The fencing token of this process' lease on the account; null when it holds none. */
  token(accountId: string): number | null {
    return this.held.get(accountId)?.token ?? null;
  }

  /** Who owns the account; null here until this process has finished taking it over. */
  owner(accountId: string): AccountOwner | null {
    const tenure = this.held.get(accountId);
    const since = this.cluster === null ? this.startedAt : tenure?.settled && tenure.since;
    if (!since) return null;
    return { instance: this.config.instanceId, since: new Date(since).toISOString() };
  }

  /**
   * Takes the fence for a freshly granted lease, BEFORE the account is loaded: from this commit on,
   * no write with an older token passes. False when a newer lease has already raised it.
   */
  async raise(accountId: string, token: number): Promise<boolean> {
    const since = Date.now();
    const fence = { token, ownerInstance: this.config.instanceId, ownerSince: since };
    const raised = await this.writes
      .transaction(async (manager) => {
        const moved = await manager
          .createQueryBuilder()
          .update(AccountFenceEntity)
          .set(fence)
          .where('account_id = :accountId AND token < :token', { accountId, token })
          .execute();
        if (moved.affected) return true;
        if (await manager.existsBy(AccountFenceEntity, { accountId })) return false;
        await manager.insert(AccountFenceEntity, { accountId, ...fence });
        return true;
      })
      // Two first owners inserting at once: the primary key lets one of them in.
      .catch(() => false);
    if (raised) this.held.set(accountId, { token, since, settled: false });
    return raised;
  }

  /** The newest token the database has seen for the account; null before its first owner. */
  async storedToken(accountId: string): Promise<number | null> {
    const row = await this.writes.transaction((manager) =>
      manager.findOneBy(AccountFenceEntity, { accountId }),
    );
    return row ? Number(row.token) : null;
  }

  /** The account is loaded and its session resumed: the takeover is complete. */
  settle(accountId: string): void {
    const tenure = this.held.get(accountId);
    if (tenure) tenure.settled = true;
  }

  /** Forgets the account's lease: from now on every write of it fails here before the database. */
  drop(accountId: string): void {
    this.held.delete(accountId);
  }

  /**
   * Proof, inside the write's transaction, that this process still holds the account's newest
   * lease: the fence row moves only if its token is not above ours (and stays locked until the
   * commit, so a takeover waits for this write and fences every later one). Throws otherwise, which
   * rolls the transaction back.
   */
  async check(manager: EntityManager, accountId: string): Promise<void> {
    if (this.cluster === null) return;
    const tenure = this.held.get(accountId);
    if (!tenure) throw new LeaseLostError(accountId);
    const checked = await manager
      .createQueryBuilder()
      .update(AccountFenceEntity)
      .set({ token: tenure.token })
      .where('account_id = :accountId AND token <= :token', { accountId, token: tenure.token })
      .execute();
    if (!checked.affected) {
      this.held.delete(accountId);
      this.fencedOff.next(accountId);
      throw new LeaseLostError(accountId);
    }
  }
}
