import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { ensureSchedule, type ScheduleDefinition } from '../../lib/temporal/ensure-schedule';
import { entitySearchAttributes } from '../../lib/temporal/search-attributes';
import { startWorkflowAction } from '../../lib/temporal/typed-workflows';
import { connectTemporalClient } from '../../lib/temporal/connect-client';
import { stackEnv } from '../support/stack-env';
import { freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('ensure-schedule');

/** Paused, on a task queue no worker polls: the Schedules here are only described, never run. */
function definition(
  scheduleId: string,
  changes: { every?: Duration; taskQueue?: string; trigger?: 'schedule' | 'manual' } = {},
): ScheduleDefinition {
  return {
    scheduleId,
    spec: { intervals: [{ every: changes.every ?? '1 hour' }] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
    initialState: { note: 'ensureSchedule test', paused: true },
    action: startWorkflowAction('orgSyncWorkflow', {
      workflowId: `org-sync/${TENANT}/scheduled`,
      taskQueue: changes.taskQueue ?? `ensure-schedule-${TENANT}`,
      args: [{ tenantId: TENANT, trigger: changes.trigger ?? 'schedule' }],
      typedSearchAttributes: entitySearchAttributes(TENANT, 'org-sync', TENANT),
    }),
  };
}

describe('ensureSchedule: every Schedule created once and kept up to date', () => {
  let temporal: Client;
  const created: string[] = [];
  const scheduleId = (name: string) => {
    const id = `ensure-schedule/${TENANT}/${name}`;
    created.push(id);
    return id;
  };
  const describeSchedule = (id: string) => temporal.schedule.getHandle(id).describe();

  beforeAll(async () => {
    temporal = await connectTemporalClient(stackEnv.temporalAddress, 'default');
  });

  afterAll(async () => {
    for (const id of created) await temporal?.schedule.getHandle(id).delete();
    await temporal?.connection.close();
  });

  it('creates a missing Schedule as defined, with its initial state', async () => {
    const id = scheduleId('create');
    await ensureSchedule(temporal, definition(id));

    const schedule = await describeSchedule(id);
    expect(schedule.spec.intervals).toMatchObject([{ every: 3_600_000 }]);
    expect(schedule.policies).toMatchObject({ overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 600_000 });
    expect(schedule.action).toMatchObject({
      workflowType: 'orgSyncWorkflow',
      workflowId: `org-sync/${TENANT}/scheduled`,
      taskQueue: `ensure-schedule-${TENANT}`,
      args: [{ tenantId: TENANT, trigger: 'schedule' }],
    });
    expect(schedule.state).toMatchObject({ paused: true, note: 'ensureSchedule test' });
  });

  it('leaves a Schedule that matches its definition untouched', async () => {
    const id = scheduleId('idempotent');
    await ensureSchedule(temporal, definition(id));
    const before = await describeSchedule(id);

    await ensureSchedule(temporal, definition(id));

    const after = await describeSchedule(id);
    expect(after.info.lastUpdatedAt).toEqual(before.info.lastUpdatedAt);
    expect(after.raw.conflictToken).toEqual(before.raw.conflictToken);
  });

  it('updates a changed interval, task queue and input, keeping the pause and its note', async () => {
    const id = scheduleId('changed');
    await ensureSchedule(temporal, definition(id));
    await temporal.schedule.getHandle(id).pause(`tenant ${TENANT} is expired`);
    const before = await describeSchedule(id);

    await ensureSchedule(
      temporal,
      definition(id, { every: '30 minutes', taskQueue: `ensure-schedule-${TENANT}-2`, trigger: 'manual' }),
    );

    const after = await describeSchedule(id);
    expect(after.raw.conflictToken).not.toEqual(before.raw.conflictToken);
    expect(after.spec.intervals).toMatchObject([{ every: 1_800_000 }]);
    expect(after.action).toMatchObject({
      taskQueue: `ensure-schedule-${TENANT}-2`,
      args: [{ tenantId: TENANT, trigger: 'manual' }],
    });
    expect(after.state).toMatchObject({ paused: true, note: `tenant ${TENANT} is expired` });
  });

  it('lets two callers create the same Schedule at once', async () => {
    const id = scheduleId('race');
    await Promise.all([ensureSchedule(temporal, definition(id)), ensureSchedule(temporal, definition(id))]);
    expect((await describeSchedule(id)).action).toMatchObject({ workflowType: 'orgSyncWorkflow' });
  });
});
