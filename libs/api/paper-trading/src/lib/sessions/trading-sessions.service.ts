import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MarketDataService, unknownSymbolsError } from '@ptp/api/market-data';
import { DatabaseWrites, TradingSessionEntity } from '@ptp/api/persistence';
import { RuntimeConfigService, type RuntimeConfigChange } from '@ptp/api/runtime-config';
import { ApiError } from '@ptp/api/shared';
import type { PaperTradingStatus, RuntimeConfig } from '@ptp/contracts';
import { validateStrategyParams } from '@ptp/domain';
import type { Subscription } from 'rxjs';
import type { EntityManager, Repository } from 'typeorm';
import { followedChange } from './session-follow';
import { sessionStatus, type LiveSession } from './session-status';
import { sessionFromRow, type SessionSpec } from './session-spec';
import type { StartSessionDto } from './start-session.dto';
import { AccountViewPublisher } from '../account-views/account-view-publisher.service';
import { RedisAccountViews } from '../account-views/redis-account-views';
import { AccountsService } from '../accounts/accounts.service';
import type { AccountDesk } from '../desk/account-desk';
import { TradingDesks } from '../desk/trading-desks.service';
import { AccountFence } from '../ownership/account-fence.service';
import { LeaseLostError } from '../ownership/lease-lost.error';
import type { Valuation } from '../desk/portfolio-view';
import { OwnerCommands, type RoutedCommand } from '../ownership/owner-commands.service';
import { TickRunner } from './tick-runner.service';
import { TickScheduler } from './tick-scheduler.service';

/**
 * Starts, stops and reports paper-trading sessions, one per account, on the account's owner, and
 * resumes the ones that were running when their owner stopped (crash included): their rows say
 * `running`. In a cluster, every instance reports the status its owner last published.
 */
@Injectable()
export class TradingSessionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TradingSessionsService.name);
  private readonly live = new Map<string, LiveSession>();
  /** The runtime config each running session last saw: what a change is compared with. */
  private readonly seenConfig = new Map<string, RuntimeConfig>();
  private configChanges: Subscription | null = null;
  private readonly startAtOwner: RoutedCommand<[StartSessionDto], PaperTradingStatus>;
  private readonly stopAtOwner: RoutedCommand<[string], PaperTradingStatus>;

  constructor(
    @InjectRepository(TradingSessionEntity)
    private readonly sessions: Repository<TradingSessionEntity>,
    private readonly accounts: AccountsService,
    private readonly desks: TradingDesks,
    private readonly marketData: MarketDataService,
    private readonly scheduler: TickScheduler,
    private readonly ticks: TickRunner,
    private readonly runtime: RuntimeConfigService,
    private readonly writes: DatabaseWrites,
    private readonly fence: AccountFence,
    commands: OwnerCommands,
    private readonly publisher: AccountViewPublisher,
    @Inject(RedisAccountViews) private readonly views: RedisAccountViews | null,
  ) {
    this.startAtOwner = commands.register('sessions.start', (dto) => this.startHere(dto));
    this.stopAtOwner = commands.register('sessions.stop', (id) => this.stopHere(id));
    publisher.describeWith((accountId, valuation) => this.statusHere(accountId, valuation));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.configChanges = this.runtime.changes$.subscribe((change) => {
      this.follow(change).catch((error: unknown) =>
        this.logger.error(
          `session of account ${change.accountId} could not follow the config: ${(error as Error).message}`,
        ),
      );
    });
  }

  /** Resumes the account's running session, if it has one: its owner has just loaded it. */
  async resume(accountId: string): Promise<void> {
    const row = await this.sessions.findOneBy({ accountId, status: 'running' });
    if (!row) return;
    const spec = sessionFromRow(row);
    try {
      await this.desks.withDesk(spec.accountId, (desk) => this.activate(desk, spec));
      this.logger.log(
        `resumed session ${spec.id} (${spec.strategy} on ${spec.symbols.join(', ')}) of account ${spec.accountId}`,
      );
    } catch (error) {
      this.logger.error(`could not resume session ${spec.id}: ${(error as Error).message}`);
    }
  }

  /** Stops ticking the account here (its row stays `running`): another instance owns it now. */
  async detach(accountId: string): Promise<void> {
    this.scheduler.cancel(accountId);
    await this.scheduler.idle(accountId);
    this.live.delete(accountId);
    this.seenConfig.delete(accountId);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // The rows stay `running`: a restart resumes them, exactly as after a crash.
    this.configChanges?.unsubscribe();
    await this.scheduler.stopAll();
    this.live.clear();
  }

  async start(dto: StartSessionDto): Promise<PaperTradingStatus> {
    const account = await this.accounts.resolve(dto.accountId);
    return this.startAtOwner(account.id, { ...dto, accountId: account.id });
  }

  async stop(accountId: string | undefined): Promise<PaperTradingStatus> {
    const account = await this.accounts.resolve(accountId);
    return this.stopAtOwner(account.id, account.id);
  }

  async status(accountId: string | undefined): Promise<PaperTradingStatus> {
    const account = await this.accounts.resolve(accountId);
    if (this.views) return (await this.views.awaitView(account.id)).status;
    return this.describe(account.id, await this.desks.valuation(account.id));
  }

  private async startHere(dto: StartSessionDto): Promise<PaperTradingStatus> {
    const account = await this.accounts.resolve(dto.accountId);
    const runtime = await this.runtime.get(account.id);
    const strategy = dto.strategy ?? runtime.strategy;
    const validation = validateStrategyParams(strategy, {
      ...(runtime.strategies[strategy] ?? {}),
      ...(dto.params ?? {}),
    });
    if (!validation.ok)
      throw ApiError.badRequest(
        'INVALID_STRATEGY_PARAMS',
        'The strategy parameters are invalid.',
        validation.errors,
      );
    const symbols = dto.symbols ?? [...runtime.watchlist];
    await this.marketData.requireKnown(symbols);
    const unknown = await this.marketData.watch(symbols);
    if (unknown.length > 0) throw unknownSymbolsError(unknown);
    return this.desks.withDesk(account.id, async (desk) => {
      if (
        this.live.has(account.id) ||
        (await this.sessions.existsBy({ accountId: account.id, status: 'running' }))
      ) {
        throw ApiError.conflict(
          'SESSION_ALREADY_RUNNING',
          `A session is already running on account ${account.id}; stop it first.`,
          { accountId: account.id },
        );
      }
      const row: TradingSessionEntity = {
        id: randomUUID(),
        accountId: account.id,
        strategy,
        params: JSON.stringify(validation.params),
        symbols: JSON.stringify(symbols),
        signalIntervalSec: dto.signalIntervalSec ?? runtime.signalIntervalSec,
        status: 'running',
        startedAt: Date.now(),
        stoppedAt: null,
        lastTickAt: null,
        cursor: '{}',
      };
      await this.fenced(account.id, (manager) => manager.insert(TradingSessionEntity, row));
      await this.activate(desk, sessionFromRow(row));
      return this.describe(account.id, desk.valuation());
    });
  }

  private async stopHere(accountId: string): Promise<PaperTradingStatus> {
    const account = await this.accounts.resolve(accountId);
    this.scheduler.cancel(account.id);
    await this.scheduler.idle(account.id);
    return this.desks.withDesk(account.id, async (desk) => {
      const session = this.live.get(account.id);
      if (!session)
        throw ApiError.conflict(
          'SESSION_NOT_RUNNING',
          `No session is running on account ${account.id}.`,
          { accountId: account.id },
        );
      await desk.stop();
      await this.fenced(account.id, (manager) =>
        manager.update(
          TradingSessionEntity,
          { id: session.spec.id },
          { status: 'stopped', stoppedAt: Date.now() },
        ),
      );
      this.live.delete(account.id);
      this.seenConfig.delete(account.id);
      return this.describe(account.id, desk.valuation());
    });
  }

  /**
   * A PATCH of the account's config reaches its running session: the params, watchlist and interval
   * it had taken from the config follow the new values (it is re-activated with them, cursor kept).
   */
  private async follow({ accountId, config }: RuntimeConfigChange): Promise<void> {
    const before = this.seenConfig.get(accountId);
    const session = this.live.get(accountId);
    if (!before || !session) return;
    this.seenConfig.set(accountId, config);
    const change = followedChange(session.spec, before, config);
    if (!change) return;
    await this.marketData.watch(change.symbols);
    await this.desks.withDesk(accountId, async (desk) => {
      if (this.live.get(accountId) !== session) return;
      const spec: SessionSpec = { ...session.spec, ...change, cursor: { ...session.spec.cursor } };
      await this.fenced(accountId, (manager) =>
        manager.update(
          TradingSessionEntity,
          { id: spec.id },
          {
            params: JSON.stringify(spec.params),
            symbols: JSON.stringify(spec.symbols),
            signalIntervalSec: spec.signalIntervalSec,
          },
        ),
      );
      await this.activate(desk, spec, session.tickCount);
      this.logger.log(
        `session ${spec.id} follows the new config: ${spec.strategy} ${JSON.stringify(spec.params)} on ${spec.symbols.join(', ')} every ${spec.signalIntervalSec} s`,
      );
    });
  }

  /** Positions the session's cursor, puts its strategy into the account's engine and schedules its ticks. */
  private async activate(desk: AccountDesk, spec: SessionSpec, tickCount = 0): Promise<void> {
    await this.ticks.start(desk, spec);
    const periodMs = this.ticks.periodMs(spec.signalIntervalSec);
    const session: LiveSession = {
      spec,
      periodMs,
      nextTickAt: Date.now() + periodMs,
      tickCount,
      lastError: null,
    };
    this.live.set(spec.accountId, session);
    this.seenConfig.set(spec.accountId, await this.runtime.get(spec.accountId));
    this.scheduler.schedule(spec.accountId, periodMs, async () => {
      session.nextTickAt = Date.now() + periodMs;
      try {
        // A tick queued before the session was re-activated with new settings must not run with the old ones.
        await this.desks.withDesk(spec.accountId, async (current) =>
          this.live.get(spec.accountId) === session ? this.ticks.tick(current, spec) : undefined,
        );
        session.tickCount += 1;
        session.lastError = null;
      } catch (error) {
        session.lastError = (error as Error).message;
        throw error;
      } finally {
        void this.publisher.changed(spec.accountId);
      }
    });
  }

  /** A write of the account's session rows, in a transaction that first checks the fence. */
  private async fenced(
    accountId: string,
    write: (manager: EntityManager) => Promise<unknown>,
  ): Promise<void> {
    await this.writes.transaction(async (manager) => {
      await this.fence.check(manager, accountId);
      await write(manager);
    });
  }

  private describe(accountId: string, valuation: Valuation): PaperTradingStatus {
    const status = this.statusHere(accountId, valuation);
    if (!status) throw new LeaseLostError(accountId);
    return status;
  }

  /** The status as this process, the account's owner, has it; in a cluster, what it publishes. */
  private statusHere(accountId: string, valuation: Valuation): PaperTradingStatus | undefined {
    const owner = this.fence.owner(accountId);
    return owner ? sessionStatus(accountId, this.live.get(accountId), valuation, owner) : undefined;
  }
}
