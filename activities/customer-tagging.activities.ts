import { loadCredentials, WeComNotBoundError } from '../lib/wecom/binding-store';
import type { WeComCredentials } from '../lib/wecom/client';
import type { CorpTagsApi } from '../lib/wecom/corp-tags-api';
import { WeComApiError } from '../lib/wecom/errors';
import { CustomerTaggingJobModel } from '../lib/models/customer-tagging-job.model';

export interface CustomerTaggingDeps {
  corpTags: CorpTagsApi;
  credentials?: (tenantId: string) => Promise<WeComCredentials>;
}

export interface TaggingBatchInput {
  tenantId: string;
  jobId: string;
}

// One activity writes this many relations; progress is saved after each batch and before any retry.
const BATCH_SIZE = 50;
const NOT_BOUND = { errcode: -1, errmsg: '企业微信未绑定，无法写入标签' };

/**
 * Writes a tagging job's tags to WeCom (I-43), relation by relation, from where it stopped. WeCom refusing a
 * relation (no longer a friend: 84061, a tag deleted meanwhile: 40068…) is recorded on the job and the
 * job moves on; an outage or a busy WeCom is thrown, after saving progress, so Temporal retries later.
 * mark_tag is idempotent, so a relation written twice after a crash changes nothing.
 */
export function createCustomerTaggingActivities(deps: CustomerTaggingDeps) {
  const credentialsOf =
    deps.credentials ?? ((tenantId: string) => loadCredentials(tenantId, 'externalContact'));
  return {
    async writeCustomerTagBatch({ tenantId, jobId }: TaggingBatchInput): Promise<{ done: boolean }> {
      const job = await CustomerTaggingJobModel.findOne({ tenantId, _id: jobId }).lean();
      if (!job || job.status === 'completed') return { done: true };
      const start = job.written;
      const batch = job.relations.slice(start, start + BATCH_SIZE);
      const failures: Array<{ externalUserid: string; userid: string; errcode: number; errmsg: string }> = [];
      let written = start;
      const save = async () => {
        await CustomerTaggingJobModel.updateOne(
          { tenantId, _id: jobId, written: start },
          {
            $set: {
              written,
              // Rewritten whole: FerretDB v1 has no positional or $each updates, and only this job writes it.
              failures: [...job.failures, ...failures],
              ...(written >= job.relations.length ? { status: 'completed' } : {}),
            },
          },
        );
      };

      let credentials: WeComCredentials | undefined;
      try {
        credentials = await credentialsOf(tenantId);
      } catch (error) {
        if (!(error instanceof WeComNotBoundError)) throw error;
      }
      for (const relation of batch) {
        const pair = { externalUserid: relation.externalUserid ?? '', userid: relation.userid ?? '' };
        try {
          if (!credentials) throw NOT_BOUND;
          await deps.corpTags.markTag(credentials, {
            ...pair,
            addTagIds: job.addTagIds,
            removeTagIds: job.removeTagIds,
          });
        } catch (error) {
          if (error === NOT_BOUND) failures.push({ ...pair, ...NOT_BOUND });
          else if (error instanceof WeComApiError && !error.retryable) {
            failures.push({ ...pair, errcode: error.errcode, errmsg: error.errmsg });
          } else {
            await save();
            throw error;
          }
        }
        written += 1;
      }
      await save();
      return { done: written >= job.relations.length };
    },
  };
}

export type CustomerTaggingActivities = ReturnType<typeof createCustomerTaggingActivities>;
