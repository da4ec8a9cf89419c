import { createHash, randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { BacktestRunEntity, BacktestUploadEntity, DatabaseWrites } from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import { BACKTEST_ERROR_CODES } from '@ptp/contracts';
import { type EntityManager, IsNull, type Repository } from 'typeorm';

const MB = 1024 * 1024;

/**
 * The CSVs backtests run on, kept apart from the runs: one row per owner and content however many
 * runs use it, at most `backtests.uploadQuotaMb` per owner (null: local mode's single user), and
 * deleted with the last run that refers to it.
 */
@Injectable()
export class BacktestUploadsService {
  /**
   * Storing and releasing check, then write (the quota, an existing copy, the last reference); one at
   * a time so that two requests cannot both pass a check that only one of them should.
   */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectRepository(BacktestUploadEntity)
    private readonly uploads: Repository<BacktestUploadEntity>,
    private readonly writes: DatabaseWrites,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Inserts `run` with its CSV: the owner's copy of that content if there is one, otherwise a new
   * upload within the quota. Over the quota nothing is written (413 UPLOAD_QUOTA_EXCEEDED).
   */
  insertRunWithCsv(run: BacktestRunEntity, owner: string | null, csv: string): Promise<void> {
    return this.serially(() =>
      this.writes.transaction(async (manager) => {
        const uploadId = await this.storedUploadId(manager, owner, csv);
        await manager.insert(BacktestRunEntity, { ...run, uploadId });
      }),
    );
  }

  /** Deletes a run, and its upload once no other run refers to it. */
  deleteRun(run: Pick<BacktestRunEntity, 'id' | 'uploadId'>): Promise<void> {
    const { id, uploadId } = run;
    return this.serially(() =>
      this.writes.transaction(async (manager) => {
        await manager.delete(BacktestRunEntity, { id });
        if (uploadId !== null && !(await manager.existsBy(BacktestRunEntity, { uploadId })))
          await manager.delete(BacktestUploadEntity, { id: uploadId });
      }),
    );
  }

  /** The CSV text of an upload, or null if it is gone. */
  async csv(uploadId: string): Promise<string | null> {
    const upload = await this.uploads.findOne({ select: ['content'], where: { id: uploadId } });
    return upload?.content ?? null;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The owner's upload of this content, stored now (within the quota) unless it already is. */
  private async storedUploadId(
    manager: EntityManager,
    owner: string | null,
    csv: string,
  ): Promise<string> {
    const sha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
    const ownerUserId = owner ?? IsNull();
    const existing = await manager.findOne(BacktestUploadEntity, {
      select: ['id'],
      where: { ownerUserId, sha256 },
    });
    if (existing) return existing.id;
    const bytes = Buffer.byteLength(csv, 'utf8');
    const used = Number(await manager.sum(BacktestUploadEntity, 'sizeBytes', { ownerUserId }));
    const limit = this.config.backtests.uploadQuotaMb * MB;
    if (used + bytes > limit) {
      throw new ApiError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        BACKTEST_ERROR_CODES.uploadQuotaExceeded,
        `Stored uploads would use ${((used + bytes) / MB).toFixed(1)} MB of the ` +
          `${this.config.backtests.uploadQuotaMb} MB quota; delete finished runs to free their uploads.`,
        { used, limit, requested: bytes },
      );
    }
    const upload: BacktestUploadEntity = {
      id: randomUUID(),
      ownerUserId: owner,
      sha256,
      sizeBytes: bytes,
      content: csv,
      createdAt: Date.now(),
    };
    await manager.insert(BacktestUploadEntity, upload);
    return upload.id;
  }
}
