import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import type { ArchiveIngestActivities, IngestBatchResult } from '../../activities/archive-ingest.activities';
import { archiveIngestWorkflow } from '../../workflows/archive-ingest.workflow';
import { type ArchiveIngestSummary } from '../../workflows/archive-ingest.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('archiveIngestWorkflow', () => {
  const env = workflowTestEnv('time-skipping');

  async function run(
    name: string,
    activities: ArchiveIngestActivities,
    limit = 2,
  ): Promise<ArchiveIngestSummary> {
    return env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(archiveIngestWorkflow, {
        workflowId: `archive-ingest/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1', limit }],
      });
      try {
        return await handle.result();
      } finally {
        await recordHistoryIfAsked(handle, name);
      }
    });
  }

  /** An archive of `total` messages read `limit` at a time from the saved seq. */
  function archiveOf(total: number, onBatch: (seq: number) => void = () => undefined) {
    let saved = 0;
    return {
      ingestArchiveBatch: async ({ limit }: { limit: number }): Promise<IngestBatchResult> => {
        onBatch(saved);
        const fetched = Math.min(limit, total - saved);
        saved += fetched;
        return { status: 'ingested', fetched, stored: fetched, seq: saved };
      },
    };
  }

  it('reads batches from the saved seq until one comes back short', async () => {
    const seen: number[] = [];
    const summary = await run(
      'archive-ingest',
      archiveOf(5, (seq) => seen.push(seq)),
    );
    expect(seen).toEqual([0, 2, 4]);
    expect(summary).toEqual({ batches: 3, stored: 5, seq: 5 });
  });

  it('retries a batch that failed (Elasticsearch or MongoDB away) until it lands, counting it once', async () => {
    const archive = archiveOf(3);
    let failures = 0;
    const summary = await run('archive-ingest-retried', {
      ingestArchiveBatch: async (input) => {
        if (failures < 3) {
          failures += 1;
          throw new Error('connect ECONNREFUSED 127.0.0.1:9200');
        }
        return archive.ingestArchiveBatch(input);
      },
    });
    expect(failures).toBe(3);
    expect(summary).toEqual({ batches: 2, stored: 3, seq: 3 });
  });

  it('ends quietly, saying why, when there is nothing to read with', async () => {
    const summary = await run('archive-ingest-idle', {
      ingestArchiveBatch: async () => ({
        status: 'idle',
        reason: '未配置会话存档密钥或私钥',
        fetched: 0,
        stored: 0,
        seq: 0,
      }),
    });
    expect(summary).toEqual({ batches: 1, stored: 0, seq: 0, idleReason: '未配置会话存档密钥或私钥' });
  });

  it('stops at a missing private key instead of retrying forever', async () => {
    let calls = 0;
    await expect(
      run('archive-ingest-key-missing', {
        ingestArchiveBatch: async () => {
          calls += 1;
          throw ApplicationFailure.nonRetryable(
            'seq 1: 没有公钥版本 2 对应的会话存档私钥',
            'ArchiveKeyMissing',
          );
        },
      }),
    ).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(calls).toBe(1);
  });
});
