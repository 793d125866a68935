import type { StaffScope } from '../access/data-scope';
import { SOP_CALENDAR_DAYS, type SopCalendar, type SopScope, type SopTask } from '../contracts/sop.contract';
import { staffNamesByUserid } from '../org/staff-names';
import { withListIndex, type ListSearch } from '../search/list-read-model';
import { sopDueAt } from '../../workflows/sop-plan.contract';
import { sopAudienceQuery } from './sop-audience';

/** A tenant's staff is bounded (its WeCom members): one bucket each. */
const MAX_ASSIGNEES = 10_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** `YYYY-MM-DD HH:00`, China time: the calendar's hour. */
export function chinaHourOf(epochMs: number): string {
  return `${new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 13).replace('T', ' ')}:00`;
}

/**
 * The dry run (beyond the peers): the audience now and, if the plan were switched on at `now`, the reminders
 * of the next 7 days per task, per 跟进人 (or 群主) and per China hour. Every member present enters at `now`
 * (I-113), so a task's reminders all fall in one minute (sopDueAt), and the per-staff counts are one terms
 * aggregation on the audience's query: no member is read.
 */
export async function sopCalendar(
  search: ListSearch,
  tenantId: string,
  plan: { scope: SopScope; tasks: Array<Pick<SopTask, 'id' | 'timing'>> },
  staffScope: StaffScope,
  now: number,
): Promise<SopCalendar> {
  const { readModel, query } = sopAudienceQuery(tenantId, plan.scope, staffScope);
  const result = await withListIndex(search, readModel, (names) =>
    search.es.search({
      index: names.alias,
      size: 0,
      track_total_hits: true,
      query,
      aggs: { assignees: { terms: { field: 'ownerUserid', size: MAX_ASSIGNEES } } },
    }),
  );
  const total = result.hits.total;
  const audience = typeof total === 'number' ? total : (total?.value ?? 0);
  type Bucket = { key: string; doc_count: number };
  const buckets = (result.aggregations?.assignees as { buckets: Bucket[] } | undefined)?.buckets ?? [];
  const names = await staffNamesByUserid(
    tenantId,
    buckets.map((bucket) => bucket.key),
  );
  const until = now + SOP_CALENDAR_DAYS * DAY_MS;
  const slots = plan.tasks.flatMap((task) => {
    const due = sopDueAt(now, task.timing);
    if (due >= until) return [];
    const hour = chinaHourOf(due);
    return buckets.map((bucket) => ({
      taskId: task.id,
      hour,
      staff: { userid: bucket.key, name: names.get(bucket.key) ?? bucket.key },
      count: bucket.doc_count,
    }));
  });
  return { audience, slots };
}
