import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { SopPlanActivities } from '../activities/sop-plan.activities';
import {
  MINUTE_MS,
  sopMinuteOf,
  sopPlanChangedSignal,
  sopPlanStateQuery,
  type SopPlanCarried,
  type SopPlanWorkflowInput,
  type SopSlot,
} from './sop-plan.contract';

// A switch-on reads the whole audience (100,000 members in a few minutes); both activities heartbeat per batch
// of 500, so a worker killed in the middle hands the attempt on within a minute. Retried until they succeed:
// a store or index outage delays the schedule, it does not lose it.
const activities = proxyActivities<SopPlanActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Steps per run before the history starts afresh (about 10 events each: a run is ~2,500 events, 4 hours). */
const STEPS_PER_RUN = 240;

const bySlotTime = (a: SopSlot, b: SopSlot) => a.minute - b.minute || (a.taskId < b.taskId ? -1 : 1);
const slotKey = (slot: SopSlot) => `${slot.taskId}|${slot.minute}`;

/**
 * `sop-plan/<tenant>/<planId>` (W-15): the single owner of a plan's schedule. Every minute (and at once when
 * `sopPlanChanged` arrives) one step reads the plan and enters who joined its audience, answering the slots
 * (task × minute) it scheduled; slots that are due fire, each as one activity. While the plan is off nothing
 * runs until the next signal, and slots that fell due meanwhile are dropped when it is switched on again
 * (I-114: missed reminders are not sent late). The pending slots are the only schedule in the workflow, bounded
 * by the timings' ranges; they are carried over continueAsNew. A deleted plan ends the workflow.
 */
export async function sopPlanWorkflow(input: SopPlanWorkflowInput): Promise<void> {
  const { tenantId, planId } = input;
  const carried: SopPlanCarried = input.carried ?? {
    enabled: false,
    appliedTaskIds: [],
    slots: [],
    scannedUntil: null,
  };
  let changed = false;
  setHandler(sopPlanChangedSignal, () => {
    changed = true;
  });
  setHandler(sopPlanStateQuery, () => ({
    enabled: carried.enabled,
    pendingSlots: carried.slots.length,
    nextDueAt: carried.slots.length > 0 ? carried.slots[0].minute * MINUTE_MS : null,
    scannedUntil: carried.scannedUntil,
  }));

  for (let steps = 1; ; steps += 1) {
    changed = false;
    const now = Date.now();
    let result;
    try {
      result = await activities.sopPlanStep({
        tenantId,
        planId,
        carried: {
          enabled: carried.enabled,
          appliedTaskIds: carried.appliedTaskIds,
          scannedUntil: carried.scannedUntil,
        },
        now,
      });
    } catch (error) {
      // Only a step refused for good arrives here (a bug, not an outage): the next minute tries again.
      if (!(error instanceof ActivityFailure)) throw error;
      log.error('SOP plan step failed', { planId, error: error.message });
      result = null;
    }
    if (result?.deleted) return;
    if (result) {
      const tasks = new Set(result.appliedTaskIds);
      const switchedOn = result.enabled && !carried.enabled;
      // Slots of tasks no longer in the plan are dropped, and on a switch-on those that fell due while off.
      const kept = carried.slots.filter(
        (slot) => tasks.has(slot.taskId) && !(switchedOn && slot.minute * MINUTE_MS <= now),
      );
      const known = new Set(kept.map(slotKey));
      carried.slots = [...kept, ...result.newSlots.filter((slot) => !known.has(slotKey(slot)))].sort(
        bySlotTime,
      );
      carried.enabled = result.enabled;
      carried.appliedTaskIds = result.appliedTaskIds;
      carried.scannedUntil = result.scannedUntil;
    }

    while (carried.enabled && !changed && carried.slots.length > 0) {
      const slot = carried.slots[0];
      if (slot.minute * MINUTE_MS > Date.now()) break;
      try {
        await activities.fireSopSlot({ tenantId, planId, slot });
      } catch (error) {
        // Refused for good (e.g. the app is not bound any more): this slot's reminders cannot go out.
        if (!(error instanceof ActivityFailure)) throw error;
        log.error('SOP slot failed', { planId, slot, error: error.message });
      }
      carried.slots.shift();
    }

    if (steps >= STEPS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof sopPlanWorkflow>({ tenantId, planId, carried });
    }
    if (carried.enabled) {
      // The next minute's start, so that a slot fires in its own minute.
      await condition(() => changed, (sopMinuteOf(Date.now()) + 1) * MINUTE_MS - Date.now());
    } else {
      await condition(() => changed);
    }
  }
}
