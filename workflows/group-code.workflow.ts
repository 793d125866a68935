import {
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertMemo,
  workflowInfo,
} from '@temporalio/workflow';
import type { GroupCodeActivities } from '../activities/group-code.activities';
import {
  decideAlerts,
  groupCodeChangedSignal,
  groupCodeDeletedSignal,
  groupCodeStateQuery,
  type GroupCodeRotationState,
  type GroupCodeWorkflowInput,
} from './group-code.contract';

const activities = proxyActivities<GroupCodeActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 30,
  },
});

/** Plenty for one code's lifetime of edits; past it the history starts afresh. */
const MAX_REVIEWS_PER_RUN = 500;

/**
 * The rotation of one 群活码 (DESIGN "group live code", R-2.1.1-06, R-2.1.3-08): each review recomputes the
 * stored 活码状态 from the groups, sends the creator a WeCom app message when the code is about to run dry
 * or has turned 异常, then sleeps until the next group expires (24:00 of its 有效期) or the day before the
 * last one does, or until an edit, a deletion or a group-filling scan signals. Scans themselves never pass
 * through here: they claim groups in MongoDB. Timers and flags live in Temporal, so a worker restart loses
 * nothing.
 */
export async function groupCodeWorkflow(input: GroupCodeWorkflowInput): Promise<void> {
  const { tenantId, codeId } = input;
  let changed = false;
  let deleted = false;
  const state: GroupCodeRotationState = {
    status: 'unknown',
    usableGroups: 0,
    nextWakeAt: null,
    alerted: input.alerted ?? { drySoon: false, abnormal: false },
    reviews: 0,
  };
  setHandler(groupCodeChangedSignal, () => {
    changed = true;
  });
  setHandler(groupCodeDeletedSignal, () => {
    deleted = true;
  });
  setHandler(groupCodeStateQuery, () => ({ ...state, alerted: { ...state.alerted } }));

  while (!deleted) {
    changed = false;
    const review = await activities.reviewGroupCode({ tenantId, codeId });
    if (review.deleted) return;
    const decision = decideAlerts(review, Date.now(), state.alerted);
    for (const kind of decision.send) {
      await activities.sendGroupCodeAlert({ tenantId, codeId, kind });
    }
    Object.assign(state, {
      status: review.status,
      usableGroups: review.usable.length,
      nextWakeAt: decision.wakeAt ?? null,
      alerted: decision.alerted,
      reviews: state.reviews + 1,
    });
    upsertMemo({ name: review.name, status: review.status, nextWakeAt: state.nextWakeAt });

    if (state.reviews >= MAX_REVIEWS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof groupCodeWorkflow>({ tenantId, codeId, alerted: state.alerted });
    }
    const wakeAt = decision.wakeAt;
    const poked = () => changed || deleted;
    if (wakeAt === undefined) await condition(poked);
    else await condition(poked, Math.max(wakeAt - Date.now(), 1));
  }
}
