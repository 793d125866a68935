import { WorkflowNotFoundError } from '@temporalio/client';
import { staffScopeFilter } from '../../../lib/access/data-scope';
import type { SensitiveAlertReviewInput } from '../../../lib/contracts/sensitive-alerts.contract';
import { SensitiveAlertModel, type AlertStatus } from '../../../lib/models/sensitive-alert.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { writeListRows } from '../../../lib/search/list-read-model';
import { sensitiveAlertReadModel } from '../../../lib/search/sensitive-alert-index';
import { sensitiveReviewWorkflowId } from '../../../lib/temporal/workflow-ids';
import { reviewSignal } from '../../../workflows/sensitive-review.contract';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';

export const alertNotFound = () => notFound('预警不存在或无权查看', 'SENSITIVE_ALERT_NOT_FOUND');

/**
 * 审核 / 重新审核: written on the row in the request, so the list shows it at once, then signalled
 * to the alert's review workflow, which keeps the durable record. A review after the workflow's 30-day
 * window (or of an alert raised before reviews had workflows) finds no workflow: the row alone holds it.
 */
export async function reviewAlert(
  caller: Caller,
  { alertId, ...input }: SensitiveAlertReviewInput & { alertId: string },
  { temporal, listSearch: search }: Pick<AppContext, 'temporal' | 'listSearch'>,
): Promise<void> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const staff = await StaffModel.findOne({ tenantId, _id: caller.staffId }, { name: 1 }).lean();
  const reviewer = { userid: caller.userid, name: staff?.name ?? caller.userid };
  const at = new Date();
  // `wait_for`: the list the reviewer is on shows the verdict when it reloads.
  const before = await writeListRows(
    search,
    sensitiveAlertReadModel,
    tenantId,
    [alertId],
    () =>
      SensitiveAlertModel.findOneAndUpdate(
        { tenantId, _id: alertId, ...staffScopeFilter(scope, 'staffUserids') },
        { $set: { status: input.verdict, reviewNote: input.note, reviewer, reviewedAt: at } },
      ).lean(),
    { refresh: 'wait_for' },
  );
  if (!before) throw alertNotFound();
  try {
    await temporal.client.workflow
      .getHandle(sensitiveReviewWorkflowId(tenantId, alertId))
      .signal(reviewSignal, { verdict: input.verdict, note: input.note, reviewer, at: at.getTime() });
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  await recordAudit(caller, {
    action: 'sensitive-alert.review',
    target: { type: 'sensitive-alert', id: alertId, name: alertId },
    before: { status: (before.status ?? 'pending') as AlertStatus },
    after: { status: input.verdict, note: input.note },
  });
}
