/**
 * 统计分析 for the demo (issue 17): the nightly rollup only covers yesterday from its first night on, so the
 * demo 补算s the last 30 days once, as an operator would, after the archive ingest has stored its first messages
 * (the month of chats the demo generates). Kept when the tenant has any rolled-up day.
 */
import { startAnalyticsBackfill } from '../../api/modules/analytics-rollups/analytics-rollups.use-case';
import type { TemporalDeps } from '../../api/app-context';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { chinaDayOf } from '../../workflows/china-day';
import type { DemoAdmin } from './demo-admin';
import { waitUntil } from './wait-until';

const DAY_MS = 86_400_000;
const DEMO_DAYS = 30;

/** Answers the range started, or why nothing was. */
export async function seedDemoAnalytics(
  admin: DemoAdmin,
  deps: { temporal: TemporalDeps; waitMs: number },
  now = new Date(),
): Promise<string> {
  const { caller } = admin;
  if (await StaffDayStatModel.exists({ tenantId: caller.tenantId }))
    return 'rolled-up days exist already, kept';
  const archived = await waitUntil(
    async () => ((await ChatMessageModel.exists({ tenantId: caller.tenantId })) ? true : undefined),
    deps.waitMs,
  );
  const from = chinaDayOf(now.getTime() - DEMO_DAYS * DAY_MS);
  const to = chinaDayOf(now.getTime() - DAY_MS);
  await startAnalyticsBackfill(caller, { from, to }, { temporal: deps.temporal }, now);
  return `补算 of ${from} … ${to} started${archived ? '' : ' (the archive has not stored a message yet: its chats are not counted)'}`;
}
