import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CorpTagWriteActivities } from '../activities/corp-tag-writes.activities';
import { corpTagWriteSignal, type CorpTagWritesInput } from './corp-tag-writes.contract';

// A WeCom outage only delays the queue: transient failures are retried without limit, slowly.
const activities = proxyActivities<CorpTagWriteActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const WRITES_PER_RUN = 500;

/**
 * One workflow per tenant writes 标签管理's changes through to WeCom one at a time, in the order they
 * were made, so "create then rename then delete" reaches WeCom in that order. WeCom's refusals are
 * recorded on the tag by the activity; they do not stop the queue.
 */
export async function corpTagWritesWorkflow(input: CorpTagWritesInput): Promise<void> {
  const queue = [...input.pending];
  let applied = 0;
  setHandler(corpTagWriteSignal, (write) => {
    if (!queue.some((queued) => queued.writeId === write.writeId)) queue.push(write);
  });

  for (;;) {
    await condition(() => queue.length > 0);
    while (queue.length > 0) {
      const write = queue[0];
      if (write.kind === 'delete') {
        await activities.removeDeletedCorpTagsFromCustomers({
          tenantId: input.tenantId,
          tagIds: write.customerTagIds,
        });
      }
      await activities.applyCorpTagWrite({ tenantId: input.tenantId, write });
      queue.shift();
      applied += 1;
    }
    if (applied >= WRITES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof corpTagWritesWorkflow>({ tenantId: input.tenantId, pending: queue });
    }
  }
}
