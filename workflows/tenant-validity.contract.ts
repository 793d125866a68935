import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * tenantValidityWorkflow's contract (tenant-validity.workflow.ts): its input, signal and query, and where a
 * tenant stands in its validity window (生效时间 … 到期时间, R-7.1.4-04, I-13). The rules are pure, so the durable
 * timer and the api agree.
 */
export type TenantPhase = 'pending' | 'active' | 'expired';

export interface ValidityWindow {
  /** ISO date-times, as the platform API and the workflow's signals carry them. */
  effectiveAt: string;
  expiresAt: string;
}

export interface TenantValidityInput {
  tenantId: string;
  window: ValidityWindow;
  /** The phase last applied, carried across continueAsNew so it is not applied twice. */
  applied?: TenantPhase;
}

/** Sent by the platform API whenever an operator changes 生效时间 or 到期时间. */
export const validityChangedSignal = defineSignal<[ValidityWindow]>('validityChanged');
/** What the admin and operators see: the phase now and when it changes next. */
export const tenantValidityQuery = defineQuery<{ phase: TenantPhase | undefined; window: ValidityWindow }>(
  'tenantValidity',
);

export function phaseAt(window: ValidityWindow, nowMs: number): TenantPhase {
  if (nowMs < Date.parse(window.effectiveAt)) return 'pending';
  if (nowMs < Date.parse(window.expiresAt)) return 'active';
  return 'expired';
}

/** The moment the phase changes next, or undefined once expired (only a new window moves it on). */
export function nextPhaseChangeAt(window: ValidityWindow, nowMs: number): number | undefined {
  const phase = phaseAt(window, nowMs);
  if (phase === 'pending') return Date.parse(window.effectiveAt);
  if (phase === 'active') return Date.parse(window.expiresAt);
  return undefined;
}
