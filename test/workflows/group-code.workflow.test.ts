import type { GroupCodeActivities } from '../../activities/group-code.activities';
import type { GroupCodeAlertKind, ReviewedGroup } from '../../workflows/group-code.contract';
import { groupCodeWorkflow } from '../../workflows/group-code.workflow';
import {
  groupCodeChangedSignal,
  groupCodeDeletedSignal,
  groupCodeStateQuery,
} from '../../workflows/group-code.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface FakeGroup {
  id: string;
  expiresAt: number;
  remaining: number;
  scanLimit: number;
}

describe('groupCodeWorkflow (群活码 rotation)', () => {
  const env = workflowTestEnv('time-skipping');

  /**
   * Runs the workflow against a fake code whose groups the test changes; the fake review applies the
   * same usable rule as the real one, at the test server's (skipped) time.
   */
  async function run(
    name: string,
    groups: FakeGroup[],
    drive: (
      handle: Awaited<ReturnType<typeof env.client.workflow.start<typeof groupCodeWorkflow>>>,
      alerts: Array<{ kind: GroupCodeAlertKind; at: number }>,
    ) => Promise<void>,
  ) {
    const alerts: Array<{ kind: GroupCodeAlertKind; at: number }> = [];
    let deleted = false;
    const activities: GroupCodeActivities = {
      reviewGroupCode: async () => {
        if (deleted) return { deleted: true };
        const now = await env.currentTimeMs();
        const usable: ReviewedGroup[] = groups
          .filter((group) => group.remaining > 0 && group.expiresAt > now)
          .map((group) => ({ ...group, name: group.id }));
        return { deleted: false, name, status: usable.length ? 'normal' : 'abnormal', usable };
      },
      sendGroupCodeAlert: async ({ kind }) => {
        alerts.push({ kind, at: await env.currentTimeMs() });
        return 'sent';
      },
    };
    await env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(groupCodeWorkflow, {
        workflowId: `group-code/t1/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1', codeId: name }],
      });
      await drive(handle, alerts);
      deleted = true;
      await handle.signal(groupCodeDeletedSignal);
      await handle.result();
      await recordHistoryIfAsked(handle, name);
    });
    return alerts;
  }

  it('wakes at each expiry: warns the creator a day before the last group expires, then reports 异常', async () => {
    const start = await env.currentTimeMs();
    const alerts = await run(
      'group-code-expiry',
      [
        { id: 'a', expiresAt: start + 2 * DAY, remaining: 50, scanLimit: 100 },
        { id: 'b', expiresAt: start + 4 * DAY, remaining: 50, scanLimit: 100 },
      ],
      async (handle, sent) => {
        await env.sleep(HOUR);
        expect(await handle.query(groupCodeStateQuery)).toMatchObject({
          status: 'normal',
          usableGroups: 2,
          nextWakeAt: start + 2 * DAY,
        });
        await env.sleep(2 * DAY);
        expect((await handle.query(groupCodeStateQuery)).usableGroups).toBe(1);
        expect(sent).toEqual([]);
        await env.sleep(DAY);
        expect(sent.map((alert) => alert.kind)).toEqual(['dry-soon']);
        await env.sleep(2 * DAY);
        expect(await handle.query(groupCodeStateQuery)).toMatchObject({
          status: 'abnormal',
          nextWakeAt: null,
        });
      },
    );
    expect(alerts.map((alert) => alert.kind)).toEqual(['dry-soon', 'abnormal']);
    expect(alerts[0]!.at).toBeGreaterThanOrEqual(start + 3 * DAY);
    expect(alerts[1]!.at).toBeGreaterThanOrEqual(start + 4 * DAY);
  });

  it('a scan that fills the last group signals it, and the creator hears 异常 at once, once', async () => {
    const start = await env.currentTimeMs();
    const groups = [{ id: 'a', expiresAt: start + 5 * DAY, remaining: 2, scanLimit: 2 }];
    const alerts = await run('group-code-filled', groups, async (handle, sent) => {
      await env.sleep(HOUR);
      expect(sent.map((alert) => alert.kind)).toEqual([]);
      groups[0]!.remaining = 1;
      await handle.signal(groupCodeChangedSignal);
      await env.sleep(HOUR);
      groups[0]!.remaining = 0;
      await handle.signal(groupCodeChangedSignal);
      await env.sleep(HOUR);
      await handle.signal(groupCodeChangedSignal);
      await env.sleep(HOUR);
      expect((await handle.query(groupCodeStateQuery)).status).toBe('abnormal');
    });
    expect(alerts.map((alert) => alert.kind)).toEqual(['dry-soon', 'abnormal']);
    expect(alerts[1]!.at).toBeLessThan(start + 4 * HOUR);
  });

  it('an edit that adds a group brings it back to 正常 and re-arms the alerts', async () => {
    const start = await env.currentTimeMs();
    const groups: FakeGroup[] = [];
    const alerts = await run('group-code-recovered', groups, async (handle, sent) => {
      await env.sleep(HOUR);
      expect(sent.map((alert) => alert.kind)).toEqual(['abnormal']);
      groups.push({ id: 'new', expiresAt: start + 3 * DAY, remaining: 100, scanLimit: 100 });
      await handle.signal(groupCodeChangedSignal);
      await env.sleep(HOUR);
      expect(await handle.query(groupCodeStateQuery)).toMatchObject({
        status: 'normal',
        alerted: { abnormal: false, drySoon: false },
      });
    });
    expect(alerts.map((alert) => alert.kind)).toEqual(['abnormal']);
  });
});
