import { proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { ListSearchActivities } from '../activities/list-search.activities';
import {
  listSearchPendingSignal,
  OUTBOX_ROW_GRACE_MS,
  type ListSearchOutboxInput,
  type ListSearchRebuildInput,
} from './list-search.contract';

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

/**
 * `list-search-outbox/<tenant>`: indexes the tenant's 客户 / 客户群 / 敏感行为 rows left in the outbox, comes back
 * for rows too young to take (their write may still be in flight), again while wake-ups keep coming, then
 * ends. The rows live in MongoDB, so a wake-up that never arrived (a process killed mid-write) is covered by
 * the next start.
 */
export async function listSearchOutboxWorkflow(input: ListSearchOutboxInput): Promise<void> {
  let pending = true;
  setHandler(listSearchPendingSignal, () => {
    pending = true;
  });
  while (pending) {
    pending = false;
    const { waiting } = await drainListSearchOutbox({ tenantId: input.tenantId });
    if (waiting > 0) {
      await sleep(OUTBOX_ROW_GRACE_MS);
      pending = true;
    }
  }
}

/** `list-search-rebuild/<index>`: refills a new or wiped 客户 / 客户群 / 敏感行为审核 index from MongoDB. */
export async function listSearchRebuildWorkflow(input: ListSearchRebuildInput): Promise<void> {
  await rebuildListSearchIndex(input);
}
