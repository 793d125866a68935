/** What the scenario routes work with, and the lookups they all need. */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Corp } from '../state/corp';
import type { SimState } from '../state/sim-state';
import type { CallbackEmitter, DeliveryMode } from './callback-emitter';
import { ScenarioError } from './scenario-error';

export interface ScenarioDeps {
  state: SimState;
  emitter: CallbackEmitter;
  verificationTimeoutMs: number;
  logger: Logger;
}

export const corpParamsSchema = z.object({ corpId: z.string() });

/** `?async=1` lets a delivery run in the background; by default the response waits for it. */
export const deliveryModeQuerySchema = z
  .object({ async: z.enum(['0', '1']).optional() })
  .transform(({ async }): { mode: DeliveryMode } => ({ mode: async === '1' ? 'background' : 'await' }));

export function requireCorp(state: SimState, corpId: string): Corp {
  const corp = state.corp(corpId);
  if (!corp) throw new ScenarioError(404, `corp ${corpId} not found`);
  return corp;
}
