import { GroupMessageDayModel } from '../models/group-message-day.model';
import { businessDay } from '../org/manual-sync-quota';

/**
 * The 群画像 message trend (R-3.2.2-03) counts a group's messages per China day, by staff and by external
 * contacts. The chat archive's ingest keeps those counts per group and day (lib/archive/archive-derived-writes.ts);
 * a group nobody archives simply reads zeros.
 */
export interface DailyGroupMessages {
  staff: number;
  customers: number;
}

export interface GroupMessageCounter {
  /** Whether there is an archive to count from at all. */
  readonly archived: boolean;
  /** Counts per YYYY-MM-DD China day in [from, to); days without messages may be left out. */
  countByDay(
    tenantId: string,
    chatId: string,
    from: Date,
    to: Date,
  ): Promise<Map<string, DailyGroupMessages>>;
}

/** The archive's counts. */
export const archivedGroupMessages: GroupMessageCounter = {
  archived: true,
  async countByDay(tenantId, chatId, from, to) {
    const rows = await GroupMessageDayModel.find({
      tenantId,
      roomid: chatId,
      day: { $gte: businessDay(from), $lt: businessDay(to) },
    }).lean();
    return new Map(rows.map((row) => [row.day, { staff: row.staff, customers: row.customers }]));
  },
};
