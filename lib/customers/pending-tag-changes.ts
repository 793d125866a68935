import { CustomerTaggingJobModel } from '../models/customer-tagging-job.model';
import type { FollowRecord } from './customer-relations';

/** A relation's tags with the 打标签 changes that were still on their way to WeCom put back on top. */
export type PendingTagOverlay = (externalUserid: string, follow: FollowRecord) => FollowRecord;

interface PendingJob {
  addTagIds: string[];
  removeTagIds: string[];
  relations: Set<string>;
}

const relationKey = (externalUserid: string, userid: string) => `${externalUserid}\u0000${userid}`;

/**
 * What WeCom showed at `readAt` may predate tags saved here (I-43): a tagging job still writing them (WeCom
 * down, or simply not there yet), or one that finished after WeCom was read. Those jobs' changes win over
 * WeCom's tags of the same relations, so a sync or a callback never takes away tags a user just saved; they
 * reach WeCom with the job. A change applied twice is harmless: adding and removing tags are set operations.
 */
export async function pendingTagOverlay(tenantId: string, readAt: Date): Promise<PendingTagOverlay> {
  const jobs = await CustomerTaggingJobModel.find(
    { tenantId, $or: [{ status: 'running' }, { updatedAt: { $gte: readAt } }] },
    { addTagIds: 1, removeTagIds: 1, relations: 1, createdAt: 1 },
  )
    .sort({ createdAt: 1 })
    .lean();
  if (jobs.length === 0) return (_externalUserid, follow) => follow;
  const pending: PendingJob[] = jobs.map((job) => ({
    addTagIds: job.addTagIds,
    removeTagIds: job.removeTagIds,
    relations: new Set(
      job.relations.map((relation) => relationKey(relation.externalUserid ?? '', relation.userid ?? '')),
    ),
  }));
  return (externalUserid, follow) => {
    const key = relationKey(externalUserid, follow.userid);
    let tagIds = follow.tagIds;
    // Oldest first: a later job's change wins over an earlier one's.
    for (const job of pending) {
      if (!job.relations.has(key)) continue;
      tagIds = [...new Set([...tagIds, ...job.addTagIds])].filter((id) => !job.removeTagIds.includes(id));
    }
    return tagIds === follow.tagIds ? follow : { ...follow, tagIds };
  };
}
