import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ArchiveIngestActivities, IngestBatchResult } from '../activities/archive-ingest.activities';
import type { ArchiveIngestInput, ArchiveIngestSummary } from './archive-ingest.contract';

// A batch is retried until it lands (Elasticsearch or MongoDB down, the worker killed): its writes are
// idempotent and the seq is saved last. It heartbeats while it works, so a killed worker's batch moves to
// another worker within half a minute. A first batch on FerretDB beside a customer sync took over 10 minutes
// (one scan per customer whose 近期沟通时间 moves), so an attempt gets 20. Only a missing private key stops the
// run (non-retryable).
const { ingestArchiveBatch } = proxyActivities<ArchiveIngestActivities>({
  startToCloseTimeout: '20 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const DEFAULT_LIMIT = 1000;
/** Batches per run before continuing as new, so catching up on a large backlog keeps the history small. */
const BATCHES_PER_RUN = 100;

/**
 * The tenant's chat-archive ingest, started every minute by its Schedule: reads batches from the saved seq
 * until a batch comes back short (caught up).
 */
export async function archiveIngestWorkflow(input: ArchiveIngestInput): Promise<ArchiveIngestSummary> {
  const limit = input.limit ?? DEFAULT_LIMIT;
  let stored = input.stored ?? 0;
  for (let batches = 1; ; batches += 1) {
    const result: IngestBatchResult = await ingestArchiveBatch({ tenantId: input.tenantId, limit });
    stored += result.stored;
    if (result.status === 'idle' || result.fetched < limit) {
      return { batches, stored, seq: result.seq, idleReason: result.reason };
    }
    if (batches >= BATCHES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof archiveIngestWorkflow>({ ...input, stored });
    }
  }
}
