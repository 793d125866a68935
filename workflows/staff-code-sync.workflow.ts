import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { StaffCodeSyncActivities } from '../activities/staff-code-sync.activities';
import { staffCodeChangedSignal, type StaffCodeSyncInput } from './staff-code-sync.contract';

// An outage delays the write to WeCom but never ends it: retries go on, at most a minute apart.
const activities = proxyActivities<StaffCodeSyncActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One workflow per 员工活码 keeps WeCom's 「联系我」 way in step with the saved code: it runs while there are
 * changes to write and ends when WeCom holds the latest one; the next save starts it again.
 */
export async function staffCodeSyncWorkflow(input: StaffCodeSyncInput): Promise<void> {
  let changed = true;
  setHandler(staffCodeChangedSignal, () => {
    changed = true;
  });
  while (changed) {
    changed = false;
    const { settled } = await activities.syncStaffCodeToWeCom(input);
    if (!settled) changed = true;
  }
}
