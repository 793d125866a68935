import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TenantValidityActivities } from '../activities/tenant-validity.activities';
import {
  nextPhaseChangeAt,
  phaseAt,
  tenantValidityQuery,
  validityChangedSignal,
  type TenantValidityInput,
} from './tenant-validity.contract';

const activities = proxyActivities<TenantValidityActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Each change of window adds a few events; a fresh run keeps the history short for years-long tenants.
const CHANGES_PER_RUN = 100;

/**
 * The tenant's validity as a durable timer (I-13): sleeps until 生效时间, then until 到期时间, and applies
 * each phase once (the tenant's recorded phase, its sessions and its periodic WeCom syncs).
 * An operator's new window wakes it at once. Logins and requests also check the window themselves,
 * so a late timer never lets an expired tenant in; the timer is what stops the background work.
 */
export async function tenantValidityWorkflow(input: TenantValidityInput): Promise<void> {
  let window = input.window;
  let applied = input.applied;
  let changed = false;
  setHandler(validityChangedSignal, (next) => {
    window = next;
    changed = true;
  });
  setHandler(tenantValidityQuery, () => ({ phase: applied, window }));

  for (let changes = 0; changes < CHANGES_PER_RUN; changes++) {
    const phase = phaseAt(window, Date.now());
    if (phase !== applied) {
      await activities.applyTenantPhase({ tenantId: input.tenantId, phase });
      applied = phase;
    }
    changed = false;
    const nextAt = nextPhaseChangeAt(window, Date.now());
    if (nextAt === undefined) await condition(() => changed);
    else await condition(() => changed, Math.max(nextAt - Date.now(), 1));
  }
  await continueAsNew<typeof tenantValidityWorkflow>({ tenantId: input.tenantId, window, applied });
}
