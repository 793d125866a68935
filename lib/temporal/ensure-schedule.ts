import { isDeepStrictEqual } from 'node:util';
import {
  ScheduleAlreadyRunning,
  type Client,
  type IntervalSpec,
  type ScheduleDescription,
  type ScheduleOptionsAction,
  type ScheduleOverlapPolicy,
} from '@temporalio/client';
import { TypedSearchAttributes, type Duration } from '@temporalio/common';
// The conversion the SDK encodes durations with, so a definition's '1 hour' compares equal to what the server holds.
import { msToNumber } from '@temporalio/common/lib/time';

/**
 * What a Schedule of ours is: interval specs, overlap and catch-up policies, and a workflow to start (built with
 * startWorkflowAction, so its type and arguments are checked). These are the parts ensureSchedule compares with a
 * Schedule that exists; the action's workflow type, id, task queue, arguments and search attributes are compared.
 */
export interface ScheduleDefinition {
  scheduleId: string;
  spec: { intervals: IntervalSpec[] };
  policies: { overlap: ScheduleOverlapPolicy; catchupWindow: Duration };
  action: ScheduleOptionsAction;
  /**
   * Applied when the Schedule is created, never to an existing one: from then on pausing belongs to the
   * tenant-validity workflow, and a run triggered at creation must not repeat at every boot.
   */
  initialState: { note: string; paused?: boolean; triggerImmediately?: boolean };
}

/**
 * Creates the Schedule, or brings an existing one up to the definition (a deploy that changed an interval, a
 * workflow's input or the task queue) and leaves it alone when it already matches, so every boot and every
 * binding may call it. Two callers creating it at once both succeed: the loser of the race checks the winner's.
 */
export async function ensureSchedule(client: Client, definition: ScheduleDefinition): Promise<void> {
  const { scheduleId, spec, policies, action, initialState } = definition;
  try {
    await client.schedule.create({ scheduleId, spec, policies, action, state: initialState });
    return;
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = client.schedule.getHandle(scheduleId);
  if (matches(await handle.describe(), definition)) return;
  // An update replaces the whole Schedule, its state too: the state just read goes back, so a pause (and its note)
  // stays. Only a pause landing within this read-and-write would be undone, and only on a changed definition.
  await handle.update((current) => ({ spec, policies, action, state: current.state }));
}

function matches(current: ScheduleDescription, wanted: ScheduleDefinition): boolean {
  const intervals = (list: { every: Duration; offset?: Duration }[]) =>
    list.map((i) => ({ every: msToNumber(i.every), offset: msToNumber(i.offset ?? 0) }));
  const searchAttributes = (attributes: ScheduleOptionsAction['typedSearchAttributes']) =>
    (attributes instanceof TypedSearchAttributes ? attributes : new TypedSearchAttributes(attributes ?? []))
      .getAll()
      .map(({ key, value }) => [key.name, key.type, value])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
  const workflowType = (type: ScheduleOptionsAction['workflowType']) =>
    typeof type === 'string' ? type : type.name;
  // Arguments as their JSON payloads hold them: an argument field set to undefined is absent once stored.
  const args = (values: readonly unknown[] | undefined) =>
    JSON.parse(JSON.stringify(values ?? [])) as unknown;
  return (
    isDeepStrictEqual(intervals(current.spec.intervals ?? []), intervals(wanted.spec.intervals)) &&
    current.policies.overlap === wanted.policies.overlap &&
    current.policies.catchupWindow === msToNumber(wanted.policies.catchupWindow) &&
    current.action.workflowType === workflowType(wanted.action.workflowType) &&
    current.action.workflowId === wanted.action.workflowId &&
    current.action.taskQueue === wanted.action.taskQueue &&
    isDeepStrictEqual(args(current.action.args), args(wanted.action.args)) &&
    isDeepStrictEqual(
      searchAttributes(current.action.typedSearchAttributes),
      searchAttributes(wanted.action.typedSearchAttributes),
    )
  );
}
