import type { Logger } from '../logger';
import { WeComCallStatModel } from '../models/wecom-call-stat.model';
import { WeComTokenStateModel } from '../models/wecom-token-state.model';
import type { SecretKind, WeComCallObserver } from './client';
import { isDuplicateKeyError } from '../db/duplicate-key';

export const CALL_STATS_RETENTION_MS = 48 * 3600 * 1000;
const MINUTE_MS = 60_000;

interface Pending {
  tenantId: string;
  minute: Date;
  path: string;
  errcode: number;
  count: number;
}

/**
 * Counts WeCom calls in memory and writes them in batches (one `$inc` upsert per tenant, minute, path and
 * errcode), so a call costs a map update, not a database write. Token fetches are rare (one per secret
 * every two hours) and are written at once.
 */
export class WeComCallStats implements WeComCallObserver {
  private pending = new Map<string, Pending>();
  private timer?: NodeJS.Timeout;
  private lastPrune = 0;

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  callFinished(call: { tenantId: string; path: string; errcode: number }): void {
    const minute = new Date(Math.floor(this.now() / MINUTE_MS) * MINUTE_MS);
    this.add({ ...call, minute, count: 1 });
  }

  private add(row: Pending): void {
    const key = `${row.tenantId}|${row.minute.toISOString()}|${row.path}|${row.errcode}`;
    const existing = this.pending.get(key);
    if (existing) existing.count += row.count;
    else this.pending.set(key, { ...row });
  }

  tokenIssued(token: { tenantId: string; secretKind: SecretKind; expiresAt: Date }): void {
    WeComTokenStateModel.updateOne(
      { _id: `${token.tenantId}|${token.secretKind}`, tenantId: token.tenantId },
      {
        $set: {
          secretKind: token.secretKind,
          fetchedAt: new Date(this.now()),
          expiresAt: token.expiresAt,
        },
      },
      { upsert: true },
    ).catch((error: unknown) => this.log.warn({ err: error }, 'could not record the WeCom token state'));
  }

  /** Flushes every `intervalMs` until stop(); the timer never keeps the process alive. */
  start(intervalMs = 10_000): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /**
   * Writes what was counted since the last flush, one `$inc` upsert per row. Two processes inserting the
   * same row at once make one upsert fail on the duplicate `_id`; it is retried, and then increments the row
   * the other created. A row that still fails is kept for the next flush, and only that row.
   */
  async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const errors = await Promise.all(batch.map((row) => this.write(row)));
    const kept = batch.filter((_, i) => errors[i] !== null);
    for (const row of kept) this.add(row);
    if (kept.length > 0) {
      const err = errors.find((e) => e !== null);
      this.log.warn({ rows: kept.length, err }, 'could not write WeCom call counts; kept for the next flush');
    }
    await this.pruneHourly();
  }

  /** null when written, else the error that kept it from the database. */
  private async write(row: Pending, attempt = 1): Promise<unknown> {
    try {
      await WeComCallStatModel.updateOne(
        {
          _id: `${row.tenantId}|${row.minute.toISOString()}|${row.path}|${row.errcode}`,
          tenantId: row.tenantId,
        },
        {
          $inc: { count: row.count },
          $setOnInsert: { minute: row.minute, path: row.path, errcode: row.errcode },
        },
        { upsert: true },
      );
      return null;
    } catch (error) {
      if (isDuplicateKeyError(error) && attempt === 1) return this.write(row, 2);
      return error;
    }
  }

  private async pruneHourly(): Promise<void> {
    if (this.now() - this.lastPrune < 3600_000) return;
    this.lastPrune = this.now();
    await WeComCallStatModel.deleteMany({ minute: { $lt: new Date(this.now() - CALL_STATS_RETENTION_MS) } })
      .setOptions({ crossTenant: true })
      .catch((error: unknown) => this.log.warn({ err: error }, 'could not prune WeCom call counts'));
  }
}
