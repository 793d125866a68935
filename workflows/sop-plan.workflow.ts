import { condition, setHandler } from '@temporalio/workflow';
import { sopPlanChangedSignal, type SopPlanWorkflowInput } from './sop-plan.contract';

/** `sop-plan/<tenant>/<planId>` (W-15). The engine is being built: this placeholder only takes the signal. */
export async function sopPlanWorkflow(_input: SopPlanWorkflowInput): Promise<void> {
  setHandler(sopPlanChangedSignal, () => undefined);
  await condition(() => false);
}
