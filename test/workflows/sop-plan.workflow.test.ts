// Slow (15 s): it runs 1,000 customers through hours of minute-by-minute slots on the time-skipping server.
import { activityInfo } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import type { SopPlanActivities } from '../../activities/sop-plan.activities';
import type { SopTask } from '../../lib/contracts/sop.contract';
import { SOP_POLL_MARGIN_MS } from '../../lib/sop/sop-entrants';
import { sopPlanWorkflow } from '../../workflows/sop-plan.workflow';
import {
  sopDueAt,
  sopMinuteOf,
  sopPlanChangedSignal,
  sopPlanStateQuery,
  type SopPlanCarried,
} from '../../workflows/sop-plan.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const task = (id: string, timing: SopTask['timing']): SopTask => ({
  id,
  name: id,
  timing,
  channel: 'message',
  contents: [{ kind: 'text', text: '您好' }],
});
const TEN_MINUTES = task('ten-minutes', { mode: 'after', hours: 0, minutes: 10 });
const THREE_HOURS = task('three-hours', { mode: 'after', hours: 3, minutes: 0 });
const AT_ONCE = task('at-once', { mode: 'after', hours: 0, minutes: 0 });

interface Fired {
  memberId: string;
  taskId: string;
  minute: number;
}

/**
 * The plan's world in memory: members who join the audience at given times (their index documents are
 * written then), and the engine's rows as the real activities keep them (an enrollment and a reminder per
 * member and task, insert-if-absent). Notes every step and every reminder that fires, and when.
 */
function fakeWorld(members: ReadonlyArray<{ id: string; entersAt: number }>, tasks: SopTask[]) {
  const plan = { enabled: true, deleted: false, tasks };
  const enrollments = new Map<string, number>();
  const reminders = new Map<string, Fired>();
  const fired: Array<Fired & { at: number }> = [];
  const steps: Array<{ now: number; enabled: boolean }> = [];
  const activities: SopPlanActivities = {
    sopPlanStep: async ({ carried, now }) => {
      if (plan.deleted) return { deleted: true };
      steps.push({ now, enabled: plan.enabled });
      if (!plan.enabled) {
        return {
          deleted: false,
          enabled: false,
          appliedTaskIds: carried.appliedTaskIds,
          newSlots: [],
          scannedUntil: carried.scannedUntil,
          entered: 0,
        };
      }
      const applied = new Set(carried.appliedTaskIds);
      const newTasks = plan.tasks.filter((candidate) => !applied.has(candidate.id));
      const full = !carried.enabled || newTasks.length > 0 || carried.scannedUntil === null;
      const since = full ? -Infinity : carried.scannedUntil! - SOP_POLL_MARGIN_MS;
      const scheduled = new Set<string>();
      let entered = 0;
      for (const member of members) {
        if (member.entersAt > now || member.entersAt < since) continue;
        const before = enrollments.get(member.id);
        const due = before === undefined || before === now ? plan.tasks : full ? newTasks : [];
        for (const each of due) {
          const minute = sopMinuteOf(sopDueAt(now, each.timing));
          const key = `${each.id}|${member.id}`;
          if (!reminders.has(key)) reminders.set(key, { memberId: member.id, taskId: each.id, minute });
          scheduled.add(each.id);
        }
        if (before === undefined) {
          enrollments.set(member.id, now);
          entered += 1;
        }
      }
      const newSlots = plan.tasks
        .filter((each) => scheduled.has(each.id))
        .map((each) => ({ taskId: each.id, minute: sopMinuteOf(sopDueAt(now, each.timing)) }));
      return {
        deleted: false,
        enabled: true,
        appliedTaskIds: tasks.map((t) => t.id),
        newSlots,
        scannedUntil: now,
        entered,
      };
    },
    fireSopSlot: async ({ slot }) => {
      if (!plan.enabled) return { skipped: 'off', todos: 0, targets: 0, notified: 0 };
      const at = activityInfo().currentAttemptScheduledTimestampMs;
      let targets = 0;
      for (const reminder of reminders.values()) {
        if (reminder.taskId !== slot.taskId || reminder.minute !== slot.minute) continue;
        fired.push({ ...reminder, at });
        targets += 1;
      }
      return { skipped: null, todos: 1, targets, notified: 1 };
    },
  };
  return { plan, activities, enrollments, reminders, fired, steps };
}

const byMemberTaskMinute = (a: Fired, b: Fired) =>
  a.memberId.localeCompare(b.memberId) || a.taskId.localeCompare(b.taskId) || a.minute - b.minute;

describe('sopPlanWorkflow (W-15, I-114, I-118)', () => {
  const env = workflowTestEnv('time-skipping');

  async function run(
    name: string,
    world: ReturnType<typeof fakeWorld>,
    drive: (handle: WorkflowHandle<typeof sopPlanWorkflow>) => Promise<void>,
    carried?: SopPlanCarried,
    record = true,
  ) {
    return env.runWorker(name, world.activities, async () => {
      const handle = await env.client.workflow.start(sopPlanWorkflow, {
        workflowId: `sop-plan/t1/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1', planId: name, carried }],
      });
      await drive(handle);
      world.plan.deleted = true;
      await handle.signal(sopPlanChangedSignal);
      await handle.result();
      if (record) await recordHistoryIfAsked(handle, name);
      return handle;
    });
  }

  const switchTo = async (
    world: ReturnType<typeof fakeWorld>,
    handle: WorkflowHandle<typeof sopPlanWorkflow>,
    enabled: boolean,
  ) => {
    world.plan.enabled = enabled;
    await handle.signal(sopPlanChangedSignal);
  };

  it('reminds 1,000 customers entering at different times of both tasks once each, none late after a pause', async () => {
    const start = await env.currentTimeMs();
    // Entering over the first two hours, at any second of a minute.
    const members = Array.from({ length: 1000 }, (_, i) => ({
      id: `wm${String(i).padStart(4, '0')}`,
      entersAt: start + ((i * 7) % 120) * MINUTE + ((i * 13) % 60) * SECOND,
    }));
    const world = fakeWorld(members, [TEN_MINUTES, THREE_HOURS]);
    let firstRunId = '';
    const handle = await run(
      'sop-plan-thousand',
      world,
      async (handle) => {
        firstRunId = (await handle.describe()).runId;
        await env.sleep(60 * MINUTE + 30 * SECOND);
        await switchTo(world, handle, false);
        await env.sleep(30 * MINUTE);
        expect((await handle.query(sopPlanStateQuery)).enabled).toBe(false);
        await switchTo(world, handle, true);
        // The last three-hour reminder is due at most 5 hours after the start.
        await env.sleep(4 * HOUR);
        expect((await handle.query(sopPlanStateQuery)).pendingSlots).toBe(0);
      },
      undefined,
      // Its last run is long and says nothing the smaller recorded runs do not.
      false,
    );

    // When the plan was off (the steps that saw it off, and the step that saw it on again). A member who
    // joined after the last step before the switch-off was not polled in time: they enter at the switch-on.
    const offAt = world.steps.find((step) => !step.enabled)!.now;
    const onAt = world.steps.find((step) => step.enabled && step.now > offAt)!.now;
    const lastPollBeforeOff = Math.max(
      ...world.steps.filter((step) => step.enabled && step.now < offAt).map((step) => step.now),
    );
    for (const member of members) {
      const enteredAt = world.enrollments.get(member.id)!;
      if (member.entersAt > lastPollBeforeOff && member.entersAt <= onAt) expect(enteredAt).toBe(onAt);
      else {
        expect(enteredAt).toBeGreaterThanOrEqual(member.entersAt);
        expect(enteredAt - member.entersAt).toBeLessThan(MINUTE);
      }
    }
    const expected = members
      .flatMap((member) =>
        [TEN_MINUTES, THREE_HOURS].map((each) => ({
          memberId: member.id,
          taskId: each.id,
          minute: sopMinuteOf(sopDueAt(world.enrollments.get(member.id)!, each.timing)),
        })),
      )
      .filter((reminder) => !(reminder.minute * MINUTE > offAt && reminder.minute * MINUTE <= onAt));
    const sent = world.fired.map(({ memberId, taskId, minute }) => ({ memberId, taskId, minute }));
    expect(sent.sort(byMemberTaskMinute)).toEqual(expected.sort(byMemberTaskMinute));
    // Missed ones were dropped, not sent late; the rest went out in their own minute.
    expect(expected.length).toBeLessThan(2000);
    expect(expected.length).toBeGreaterThan(1800);
    for (const reminder of world.fired) {
      expect(reminder.at).toBeGreaterThanOrEqual(reminder.minute * MINUTE);
      expect(reminder.at).toBeLessThan((reminder.minute + 1) * MINUTE);
    }
    // The history started afresh along the way, the pending three-hour slots carried over.
    const first = await env.client.workflow.getHandle(handle.workflowId, firstRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
  }, 300_000);

  it('fires a task at once and another ten minutes later, skips a paused minute and ends when deleted', async () => {
    const start = await env.currentTimeMs();
    const members = [
      { id: 'wm-a', entersAt: start },
      { id: 'wm-b', entersAt: start + 3 * MINUTE },
      { id: 'wm-c', entersAt: start + 4 * MINUTE },
    ];
    const world = fakeWorld(members, [AT_ONCE, TEN_MINUTES]);
    await run('sop-plan', world, async (handle) => {
      await env.sleep(5 * MINUTE);
      const state = await handle.query(sopPlanStateQuery);
      expect(state).toMatchObject({ enabled: true, pendingSlots: 3 });
      expect(state.nextDueAt).toBe((sopMinuteOf(world.enrollments.get('wm-a')!) + 10) * MINUTE);
      // Off across wm-b's and wm-c's ten-minute reminders, on again before nothing else is due.
      await env.sleep(8 * MINUTE);
      await switchTo(world, handle, false);
      await env.sleep(3 * MINUTE);
      await switchTo(world, handle, true);
      await env.sleep(MINUTE);
    });
    const sent = world.fired.map((reminder) => `${reminder.taskId}:${reminder.memberId}`);
    expect(sent).toEqual(['at-once:wm-a', 'at-once:wm-b', 'at-once:wm-c', 'ten-minutes:wm-a']);
  });

  it('takes the pending slots over continueAsNew and fires them in their minute', async () => {
    const start = await env.currentTimeMs();
    const minute = sopMinuteOf(start) + 30;
    const world = fakeWorld([], [TEN_MINUTES]);
    // Reminders an earlier run scheduled, carried.
    const carried: SopPlanCarried = {
      enabled: true,
      appliedTaskIds: [TEN_MINUTES.id],
      slots: [{ taskId: TEN_MINUTES.id, minute }],
      scannedUntil: start - MINUTE,
    };
    world.enrollments.set('wm-old', start - 20 * MINUTE);
    world.reminders.set(`${TEN_MINUTES.id}|wm-old`, { memberId: 'wm-old', taskId: TEN_MINUTES.id, minute });
    await run(
      'sop-plan-carried',
      world,
      async (handle) => {
        expect(await handle.query(sopPlanStateQuery)).toMatchObject({ enabled: true, pendingSlots: 1 });
        await env.sleep(31 * MINUTE);
      },
      carried,
    );
    expect(world.fired.map((reminder) => reminder.memberId)).toEqual(['wm-old']);
    expect(world.fired[0].at).toBeGreaterThanOrEqual(minute * MINUTE);
    expect(world.fired[0].at).toBeLessThan((minute + 1) * MINUTE);
  });
});
