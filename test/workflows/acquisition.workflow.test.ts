import { ApplicationFailure } from '@temporalio/common';
import type { GroupWelcomeActivities } from '../../activities/group-welcome.activities';
import type { NewContactWelcomeActivities } from '../../activities/new-contact-welcome.activities';
import type { StaffCodeSyncActivities } from '../../activities/staff-code-sync.activities';
import { groupWelcomeTemplateWorkflow } from '../../workflows/group-welcome-template.workflow';
import { newContactWelcomeWorkflow } from '../../workflows/new-contact-welcome.workflow';
import { staffCodeSyncWorkflow } from '../../workflows/staff-code-sync.workflow';
import { staffCodeChangedSignal } from '../../workflows/staff-code-sync.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('员工活码 and 欢迎语 workflows', () => {
  const env = workflowTestEnv('time-skipping');

  describe('newContactWelcomeWorkflow', () => {
    function activities(calls: string[], overrides: Partial<NewContactWelcomeActivities> = {}) {
      const base: NewContactWelcomeActivities = {
        prepareNewContact: async () => {
          calls.push('prepare');
          return { welcome: true, welcomeDeadline: Date.now() + 20_000, tagging: true };
        },
        sendNewContactWelcome: async () => {
          calls.push('send');
        },
        recordWelcomeMissed: async () => {
          calls.push('missed');
        },
        tagNewContact: async () => {
          calls.push('tag');
        },
      };
      return { ...base, ...overrides };
    }

    async function run(name: string, acts: NewContactWelcomeActivities) {
      await env.runWorker(name, acts, async () => {
        const handle = await env.client.workflow.start(newContactWelcomeWorkflow, {
          workflowId: `new-contact/${name}`,
          taskQueue: name,
          args: [{ tenantId: name, inboxKey: 'key-1' }],
        });
        await handle.result();
        await recordHistoryIfAsked(handle, name);
      });
    }

    it('sends the welcome, then tags the relation', async () => {
      const calls: string[] = [];
      await run('new-contact-welcome', activities(calls));
      expect(calls).toEqual(['prepare', 'send', 'tag']);
    });

    it('keeps trying a busy WeCom only inside the 20-second window, then records the miss and still tags', async () => {
      const calls: string[] = [];
      let attempts = 0;
      await run(
        'new-contact-welcome-missed',
        activities(calls, {
          sendNewContactWelcome: async () => {
            attempts += 1;
            throw ApplicationFailure.retryable('WeCom -1 system busy', 'WeComApiError');
          },
        }),
      );
      expect(attempts).toBeGreaterThan(1);
      expect(calls).toEqual(['prepare', 'missed', 'tag']);
    });

    it('does nothing more when there is no welcome to send and no tag to put', async () => {
      const calls: string[] = [];
      await run(
        'new-contact-welcome-nothing',
        activities(calls, {
          prepareNewContact: async () => {
            calls.push('prepare');
            return { welcome: false, welcomeDeadline: Date.now() + 20_000, tagging: false };
          },
        }),
      );
      expect(calls).toEqual(['prepare']);
    });
  });

  describe('staffCodeSyncWorkflow', () => {
    it('writes until WeCom holds the latest version', async () => {
      let steps = 0;
      const acts: StaffCodeSyncActivities = {
        syncStaffCodeToWeCom: async () => {
          steps += 1;
          return { settled: steps >= 2 };
        },
      };
      const name = 'staff-code-sync';
      await env.runWorker(name, acts, async () => {
        const handle = await env.client.workflow.signalWithStart(staffCodeSyncWorkflow, {
          workflowId: `staff-code-sync/${name}`,
          taskQueue: name,
          args: [{ tenantId: name, codeId: 'code-1' }],
          signal: staffCodeChangedSignal,
          signalArgs: [],
        });
        await handle.result();
        await recordHistoryIfAsked(handle, name);
      });
      expect(steps).toBe(2);
    });

    it('retries while WeCom is unreachable', async () => {
      let attempts = 0;
      const name = 'staff-code-sync-outage';
      const activities: StaffCodeSyncActivities = {
        syncStaffCodeToWeCom: async () => {
          attempts += 1;
          if (attempts < 3) throw ApplicationFailure.retryable('unreachable', 'WeComTransportError');
          return { settled: true };
        },
      };
      await env.runWorker(name, activities, async () => {
        const handle = await env.client.workflow.start(staffCodeSyncWorkflow, {
          workflowId: `staff-code-sync/${name}`,
          taskQueue: name,
          args: [{ tenantId: name, codeId: 'code-1' }],
        });
        await handle.result();
        await recordHistoryIfAsked(handle, name);
      });
      expect(attempts).toBe(3);
    });
  });

  describe('groupWelcomeTemplateWorkflow', () => {
    it('writes the template, then tells the owners (a no-op after the first time)', async () => {
      const calls: string[] = [];
      const acts: GroupWelcomeActivities = {
        syncGroupWelcomeTemplate: async () => {
          calls.push('sync');
          return { settled: true };
        },
        notifyGroupOwnersOfWelcome: async () => {
          calls.push('notify');
          return { owners: 2 };
        },
      };
      const name = 'group-welcome';
      await env.runWorker(name, acts, async () => {
        const handle = await env.client.workflow.start(groupWelcomeTemplateWorkflow, {
          workflowId: `group-welcome/${name}`,
          taskQueue: name,
          args: [{ tenantId: name, welcomeId: 'welcome-1' }],
        });
        await handle.result();
        await recordHistoryIfAsked(handle, name);
      });
      expect(calls).toEqual(['sync', 'notify']);
    });
  });
});
