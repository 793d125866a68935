import { defineSignal } from '@temporalio/workflow';
import type { ListKind } from '../lib/search/list-read-model';

/** The search read models' workflows' inputs and signal (list-search.workflow.ts). */
export interface ListSearchOutboxInput {
  tenantId: string;
}

export interface ListSearchRebuildInput {
  kind: ListKind;
}

/** "Rows wait in the outbox": sent with signalWithStart by a write whose indexing failed, and at start. */
export const listSearchPendingSignal = defineSignal('listSearchPending');

/**
 * An outbox row younger than this may belong to a write still in flight (its MongoDB write not done yet):
 * indexing it now and removing it could lose the write if its process then died, so the drain leaves it to
 * its writer until it ages. Writes take seconds.
 */
export const OUTBOX_ROW_GRACE_MS = 30_000;
