import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import { TenantModel } from '../lib/models/tenant.model';
import type { TenantPhase } from '../workflows/tenant-validity.contract';
import {
  analyticsRollupScheduleId,
  archiveConsentScheduleId,
  archiveIngestScheduleId,
  orgSyncScheduleId,
} from '../lib/temporal/workflow-ids';
import { customerSideScheduleIds } from '../lib/temporal/customer-sync-schedule';

/** The tenant's periodic WeCom work, paused outside its validity window. */
const tenantScheduleIds = (tenantId: string) => [
  orgSyncScheduleId(tenantId),
  ...customerSideScheduleIds(tenantId),
  archiveIngestScheduleId(tenantId),
  archiveConsentScheduleId(tenantId),
  analyticsRollupScheduleId(tenantId),
];

export interface TenantValidityActivities {
  applyTenantPhase(input: { tenantId: string; phase: TenantPhase }): Promise<void>;
}

/**
 * Applying a phase is idempotent: the phase is recorded on the tenant, and the tenant's schedules are
 * paused unless it is active (an expired tenant's secrets are not used for background calls to WeCom).
 * A tenant that has not bound WeCom yet has no schedules; that is fine.
 */
export function createTenantValidityActivities(deps: { temporal: Client }): TenantValidityActivities {
  return {
    async applyTenantPhase({ tenantId, phase }) {
      await TenantModel.updateOne({ _id: tenantId }, { $set: { phase, phaseChangedAt: new Date() } });
      for (const scheduleId of tenantScheduleIds(tenantId)) {
        const schedule = deps.temporal.schedule.getHandle(scheduleId);
        try {
          if (phase === 'active') await schedule.unpause(`tenant ${tenantId} is active`);
          else await schedule.pause(`tenant ${tenantId} is ${phase}`);
        } catch (error) {
          if (!(error instanceof ScheduleNotFoundError)) throw error;
        }
      }
    },
  };
}
