import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { HandoverActivities } from '../activities/handover.activities';
import {
  HANDOVER_POLL_MS,
  HANDOVER_POLLS_PER_RUN,
  handoverProgressQuery,
  pollHandoverNowSignal,
  type HandoverProgress,
  type HandoverWorkflowInput,
} from './handover.contract';

// Each activity makes at most a few dozen WeCom calls (10 batches of 100, result pages of 1,000).
const activities = proxyActivities<HandoverActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * `handover/<tenant>/<id>` (issue 19): one 离职继承 or 在职继承. Makes the transfer calls once (customers in
 * batches of 100, then the groups), then reads WeCom's results hourly, writing each customer's new owner when
 * WeCom says the takeover is done, until no customer is waiting; long waits start afresh with continueAsNew.
 */
export async function handoverWorkflow(input: HandoverWorkflowInput): Promise<void> {
  const ref = { tenantId: input.tenantId, handoverId: input.handoverId };
  let progress: HandoverProgress | null = null;
  let pollAsked = false;
  setHandler(handoverProgressQuery, () => progress);
  setHandler(pollHandoverNowSignal, () => {
    pollAsked = true;
  });
  // Waits an hour, or less when 刷新 asks for the results now; a timer either way, as before the signal existed.
  const waitForNextPoll = async () => {
    await condition(() => pollAsked, HANDOVER_POLL_MS);
    pollAsked = false;
  };

  if (!input.started) await activities.startHandoverTransfers(ref);
  for (let polls = 0; ; polls += 1) {
    progress = await activities.pollHandoverResults(ref);
    if (progress.pending === 0) return;
    if (polls + 1 >= HANDOVER_POLLS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await waitForNextPoll();
      await continueAsNew<typeof handoverWorkflow>({ ...input, started: true });
    }
    await waitForNextPoll();
  }
}
