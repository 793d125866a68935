/**
 * One 客户运营 SOP plan for the demo (issue 16), made as an operator would make it, so that the SOP pages, the
 * plan's workflow in the Temporal UI and the 待办 in the side panel have something from the first start: the
 * customers added in the last year (and the year to come, so the demo's new adds enter too) are greeted 5
 * minutes after they enter and called back 3 days later at 10:00. Kept when the tenant has any plan.
 */
import { createSopPlan } from '../../api/modules/sop/sop-plans.use-case';
import { sopPlanInputSchema } from '../../lib/contracts/sop.contract';
import type { Logger } from '../../lib/logger';
import { SopPlanModel } from '../../lib/models/sop-plan.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import type { ListSearch } from '../../lib/search/list-read-model';
import type { TemporalDeps } from '../../api/app-context';
import type { DemoAdmin } from './demo-admin';

const YEAR_MS = 365 * 24 * 3600_000;

/** Answers whether the plan was created now. */
export async function seedDemoSop(
  admin: DemoAdmin,
  deps: { listSearch: ListSearch; temporal: TemporalDeps; log: Logger },
  now = new Date(),
): Promise<boolean> {
  const { caller } = admin;
  if (await SopPlanModel.exists({ tenantId: caller.tenantId })) return false;
  const input = sopPlanInputSchema.parse({
    name: '新客户首周跟进',
    scope: {
      kind: 'customers',
      customers: {
        addedBetween: {
          from: businessDay(new Date(now.getTime() - YEAR_MS)),
          to: businessDay(new Date(now.getTime() + YEAR_MS)),
        },
      },
    },
    tasks: [
      {
        name: '首次问候',
        timing: { mode: 'after', hours: 0, minutes: 5 },
        channel: 'message',
        contents: [{ kind: 'text', text: '您好，我是您的专属顾问，有任何问题随时找我~' }],
      },
      {
        name: '三天回访',
        timing: { mode: 'days', days: 3, time: '10:00' },
        channel: 'message',
        contents: [{ kind: 'text', text: '您好，前几天的资料看了吗？有需要我为您详细介绍一下。' }],
      },
    ],
  });
  await createSopPlan(caller, input, deps);
  return true;
}
