import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * handoverWorkflow's contract (`handover/<tenant>/<id>`): its input, its query and its pace. WeCom moves a
 * customer 24 h after the transfer call, so the results are read hourly until every customer has a final
 * status (done, refused, limit, or refused at the start).
 */
export interface HandoverWorkflowInput {
  tenantId: string;
  handoverId: string;
  /** Carried over continueAsNew: the transfer calls were made, only polling is left. */
  started?: boolean;
}

export interface HandoverProgress {
  /** Customers whose takeover WeCom has not decided yet. */
  pending: number;
}

export const HANDOVER_POLL_MS = 60 * 60_000;
/** Polls per run before the history starts afresh (24 h of hourly polls is 24; a day late still fits). */
export const HANDOVER_POLLS_PER_RUN = 48;

export const handoverProgressQuery = defineQuery<HandoverProgress | null>('handoverProgress');

/** 刷新: read WeCom's results now rather than at the next hourly poll (the admin's button, after WeCom's 24 h). */
export const pollHandoverNowSignal = defineSignal('pollHandoverNow');
