import { runSopPlanStep, type SopPlanStepInput, type SopPlanStepResult } from '../lib/sop/sop-entrants';
import { fireSopSlot, type SopFireResult } from '../lib/sop/sop-fire';
import type { ListSearch } from '../lib/search/list-read-model';
import type { MessageApi } from '../lib/wecom/message-api';
import type { SopSlot } from '../workflows/sop-plan.contract';
import { heartbeatOrStop } from './cancellation-checkpoint';
import type { AppSenderLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

export interface SopPlanDeps {
  listSearch: ListSearch;
  messages: MessageApi;
  appSender: AppSenderLoader;
  /** Where the messages' links point (the product's own address). */
  publicUrl: string;
}

/** The SOP engine's side effects (sopPlanWorkflow): a step of the plan's schedule, and firing a slot. */
export function createSopPlanActivities(deps: SopPlanDeps) {
  return {
    /** Reads the plan and enters who joined its audience (lib/sop/sop-entrants.ts); heartbeats per batch. */
    async sopPlanStep(input: SopPlanStepInput): Promise<SopPlanStepResult> {
      return runSopPlanStep(deps.listSearch, input, heartbeatOrStop);
    },

    /** Hands out one slot's to-dos and sends their messages (lib/sop/sop-fire.ts). */
    async fireSopSlot(input: { tenantId: string; planId: string; slot: SopSlot }): Promise<SopFireResult> {
      return fireSopSlot(
        {
          search: deps.listSearch,
          appSender: deps.appSender,
          sendToMembers: (sender, touser, message) =>
            withWeComFailures(() => deps.messages.sendToMembers(sender, touser, message)),
          publicUrl: deps.publicUrl,
          beat: heartbeatOrStop,
        },
        input,
      );
    },
  };
}

export type SopPlanActivities = ReturnType<typeof createSopPlanActivities>;
