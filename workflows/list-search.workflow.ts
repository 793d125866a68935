import { defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { ListSearchActivities } from '../activities/list-search.activities';
import type { ListKind } from '../lib/search/list-read-model';

/** "Rows are marked in the outbox": sent with signalWithStart by a write whose indexing failed, and at start. */
export const listSearchPendingSignal = defineSignal('listSearchPending');

// The index being down delays the drain, never drops it: retried without limit, at most a minute apart.
const { drainListSearchOutbox } = proxyActivities<ListSearchActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { rebuildListSearchIndex } = proxyActivities<ListSearchActivities>({
  startToCloseTimeout: '12 hours',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** As MARK_GRACE_MS: marks younger than this are left to their writer for now. */
const MARK_GRACE = '30 seconds';

/**
 * `list-search-outbox/<tenant>`: indexes the tenant's marked 客户群 / 敏感行为 rows, comes back for marks too
 * young to take (their write may still be in flight), again while wake-ups keep coming, then ends. The marks
 * live in MongoDB, so a wake-up that never arrived (a process killed mid-write) is covered by the next start.
 */
export async function listSearchOutboxWorkflow(input: { tenantId: string }): Promise<void> {
  let pending = true;
  setHandler(listSearchPendingSignal, () => {
    pending = true;
  });
  while (pending) {
    pending = false;
    const { waiting } = await drainListSearchOutbox({ tenantId: input.tenantId });
    if (waiting > 0) {
      await sleep(MARK_GRACE);
      pending = true;
    }
  }
}

/** `list-search-rebuild/<index>`: refills a new or wiped 客户群 / 敏感行为审核 index from MongoDB. */
export async function listSearchRebuildWorkflow(input: { kind: ListKind }): Promise<void> {
  await rebuildListSearchIndex(input);
}
