import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import type { SensitiveAlertReviewInput } from '../../../lib/contracts/sensitive-alerts.contract';
import { SensitiveAlertModel, type AlertStatus } from '../../../lib/models/sensitive-alert.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { writeListRows, type ListSearch } from '../../../lib/search/list-read-model';
import { sensitiveAlertReadModel } from '../../../lib/search/sensitive-alert-index';
import { sensitiveReviewWorkflowId } from '../../../lib/temporal/workflow-ids';
import { notFound } from '../../http/app-error';
import type { Session } from '../../auth/session';
import { reviewSignal } from '../../../workflows/sensitive-review.contract';

export const alertNotFound = () => notFound('预警不存在或无权查看', 'SENSITIVE_ALERT_NOT_FOUND');

/**
 * 审核 / 重新审核: written on the row in the request, so the list shows it at once, then signalled
 * to the alert's review workflow, which keeps the durable record. A review after the workflow's 30-day
 * window (or of an alert raised before reviews had workflows) finds no workflow: the row alone holds it.
 */
export async function reviewAlert(
  temporal: Client,
  search: ListSearch,
  session: Session,
  scope: StaffScope,
  alertId: string,
  input: SensitiveAlertReviewInput,
): Promise<{ before: AlertStatus; after: AlertStatus; reviewer: string }> {
  const { tenantId } = session;
  const staff = await StaffModel.findOne({ tenantId, _id: session.staffId }, { name: 1 }).lean();
  const reviewer = { userid: session.userid, name: staff?.name ?? session.userid };
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
    await temporal.workflow
      .getHandle(sensitiveReviewWorkflowId(tenantId, alertId))
      .signal(reviewSignal, { verdict: input.verdict, note: input.note, reviewer, at: at.getTime() });
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  return {
    before: (before.status ?? 'pending') as AlertStatus,
    after: input.verdict,
    reviewer: reviewer.name,
  };
}
