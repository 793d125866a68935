import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CustomerTaggingActivities } from '../activities/customer-tagging.activities';
import type { CustomerTaggingInput } from './customer-tagging.contract';

// A WeCom outage delays the write-back but never ends it: retries go on, at most a minute apart.
const activities = proxyActivities<CustomerTaggingActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * 打标签 write-back (I-43): the tags are already on our customers; this writes them to WeCom with mark_tag,
 * a batch of relations per activity, the job row keeping the resume point and WeCom's refusals.
 */
export async function customerTaggingWorkflow(input: CustomerTaggingInput): Promise<void> {
  for (;;) {
    const { done } = await activities.writeCustomerTagBatch(input);
    if (done) return;
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof customerTaggingWorkflow>(input);
  }
}
