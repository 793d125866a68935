import type { CustomerIndexer } from '../lib/search/customer-indexer';
import { CorpTagGroupModel } from '../lib/models/corp-tag.model';
import { hasKey, groupKeyFilter, tagKeyFilter, updateCorpTagGroup } from '../lib/tags/corp-tag-store';
import { CorpTagWriteModel } from '../lib/models/corp-tag-write.model';
import type { CorpTagWrite } from '../lib/tags/corp-tag-writes';
import { removeTagsFromCustomers } from '../lib/customers/corp-tag-records';
import { WeComNotBoundError } from '../lib/wecom/binding-store';
import type { WeComCredentials } from '../lib/wecom/client';
import type { CorpTagsApi, WeComCorpTagGroup } from '../lib/wecom/corp-tags-api';
import { WeComApiError } from '../lib/wecom/errors';

export interface CorpTagWriteDeps {
  corpTags: CorpTagsApi;
  credentials: (tenantId: string) => Promise<WeComCredentials>;
  /** Every customer write goes through it, so the search index follows (lib/search/customer-indexer.ts). */
  customerIndexer: CustomerIndexer;
}

type Outcome = 'written' | 'skipped' | 'refused';

/** WeCom answers this for an id it no longer has: a delete that finds nothing has reached its goal. */
const UNKNOWN_ID = 40068;

/** A refusal people can read in 标签管理; WeCom's errcode and message stay in it for support. */
class Refused extends Error {}

/**
 * Applies one write of 标签管理 to WeCom (I-105). Transport failures and WeCom's transient errors are
 * thrown, so the workflow retries them until WeCom is back; refusals (a name WeCom already has, a
 * missing binding) are written on the tag or group as `writeError` and the queue moves on.
 */
export function createCorpTagWriteActivities(deps: CorpTagWriteDeps) {
  async function wecom<T>(tenantId: string, call: (credentials: WeComCredentials) => Promise<T>): Promise<T> {
    let credentials: WeComCredentials;
    try {
      credentials = await deps.credentials(tenantId);
    } catch (error) {
      if (error instanceof WeComNotBoundError) throw new Refused('尚未绑定企业微信，标签未同步到企业微信');
      throw error;
    }
    try {
      return await call(credentials);
    } catch (error) {
      if (error instanceof WeComApiError && !error.retryable) {
        throw new Refused(`企业微信拒绝了此操作（${error.errcode} ${error.errmsg}）`);
      }
      throw error;
    }
  }

  async function markGroupRefused(tenantId: string, groupKey: string, message: string) {
    await updateCorpTagGroup(groupKeyFilter(tenantId, groupKey), () => ({ writeError: message }));
  }

  async function markTagsRefused(tenantId: string, tagKeys: string[], message: string) {
    if (tagKeys.length === 0) return;
    await updateCorpTagGroup(tagKeyFilter(tenantId, tagKeys[0]), (group) => ({
      tags: group.tags.map((tag) =>
        tagKeys.some((key) => hasKey(tag, key)) ? { ...tag, writeError: message } : tag,
      ),
    }));
  }

  /** Gives the tags WeCom created their ids: WeCom answers them in the order they were asked for. */
  function withWeComIds<T extends { localId?: string | null; tagId: string; name: string }>(
    tags: T[],
    asked: string[],
    created: WeComCorpTagGroup,
  ): T[] {
    return tags.map((tag) => {
      const index = tag.localId ? asked.indexOf(tag.localId) : -1;
      if (index < 0) return tag;
      const answer = created.tag[index] ?? created.tag.find((t) => t.name === tag.name);
      return answer ? { ...tag, tagId: answer.id, pending: false, writeError: null } : tag;
    });
  }

  async function createGroup(tenantId: string, groupKey: string): Promise<Outcome> {
    const group = await CorpTagGroupModel.findOne(groupKeyFilter(tenantId, groupKey)).lean();
    if (!group?.pending) return 'skipped';
    const asked = group.tags.map((tag) => tag.localId ?? tag.tagId);
    const created = await wecom(tenantId, (credentials) =>
      deps.corpTags.add(credentials, {
        group_name: group.name,
        order: group.order,
        tag: group.tags.map((tag) => ({ name: tag.name, order: tag.order })),
      }),
    );
    const saved = await updateCorpTagGroup(groupKeyFilter(tenantId, groupKey), (current) => ({
      groupId: created.group_id,
      pending: false,
      writeError: null,
      tags: withWeComIds(current.tags, asked, created),
    }));
    // Deleted here while WeCom was creating it: WeCom must not keep it either.
    if (!saved)
      await wecom(tenantId, (c) => deps.corpTags.remove(c, { tagIds: [], groupIds: [created.group_id] }));
    return 'written';
  }

  async function createTags(tenantId: string, groupKey: string, tagKeys: string[]): Promise<Outcome> {
    const group = await CorpTagGroupModel.findOne(groupKeyFilter(tenantId, groupKey)).lean();
    // A group WeCom does not have yet brings its tags along when it is created.
    if (!group || group.pending) return 'skipped';
    const tags = group.tags.filter((tag) => tag.pending && tagKeys.some((key) => hasKey(tag, key)));
    if (tags.length === 0) return 'skipped';
    const asked = tags.map((tag) => tag.localId ?? tag.tagId);
    let created: WeComCorpTagGroup;
    try {
      created = await wecom(tenantId, (credentials) =>
        deps.corpTags.add(credentials, {
          group_id: group.groupId,
          tag: tags.map((tag) => ({ name: tag.name, order: tag.order })),
        }),
      );
    } catch (error) {
      if (error instanceof Refused) await markTagsRefused(tenantId, asked, error.message);
      throw error;
    }
    const saved = await updateCorpTagGroup(groupKeyFilter(tenantId, groupKey), (current) => ({
      tags: withWeComIds(current.tags, asked, created),
    }));
    const kept = new Set(saved?.changed?.tags.map((tag) => tag.tagId) ?? []);
    const orphans = created.tag.map((tag) => tag.id).filter((id) => !kept.has(id));
    if (orphans.length > 0) {
      await wecom(tenantId, (c) => deps.corpTags.remove(c, { tagIds: orphans, groupIds: [] }));
    }
    return 'written';
  }

  async function rename(tenantId: string, target: 'group' | 'tag', key: string): Promise<Outcome> {
    const group = await CorpTagGroupModel.findOne(
      target === 'group' ? groupKeyFilter(tenantId, key) : tagKeyFilter(tenantId, key),
    ).lean();
    const item = target === 'group' ? group : group?.tags.find((tag) => hasKey(tag, key));
    if (!group || !item || item.pending) return 'skipped';
    const id = target === 'group' ? group.groupId : (item as { tagId: string }).tagId;
    try {
      await wecom(tenantId, (credentials) => deps.corpTags.edit(credentials, { id, name: item.name }));
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      if (target === 'group') await markGroupRefused(tenantId, key, error.message);
      else await markTagsRefused(tenantId, [key], error.message);
      return 'refused';
    }
    if (target === 'group') {
      await updateCorpTagGroup(groupKeyFilter(tenantId, key), (g) =>
        g.writeError ? { writeError: null } : null,
      );
    } else {
      await updateCorpTagGroup(tagKeyFilter(tenantId, key), (g) => ({
        tags: g.tags.map((tag) => (hasKey(tag, key) ? { ...tag, writeError: null } : tag)),
      }));
    }
    return 'written';
  }

  async function reorder(tenantId: string, target: 'group' | 'tag', keys: string[]): Promise<Outcome> {
    const orders: Array<{ id: string; order: number }> = [];
    if (target === 'group') {
      const groups = await CorpTagGroupModel.find({
        tenantId,
        $or: [{ groupId: { $in: keys } }, { localId: { $in: keys } }],
      }).lean();
      for (const group of groups) if (!group.pending) orders.push({ id: group.groupId, order: group.order });
    } else if (keys.length > 0) {
      const group = await CorpTagGroupModel.findOne(tagKeyFilter(tenantId, keys[0])).lean();
      for (const tag of group?.tags ?? []) {
        if (!tag.pending && keys.some((key) => hasKey(tag, key)))
          orders.push({ id: tag.tagId, order: tag.order });
      }
    }
    for (const entry of orders) {
      await wecom(tenantId, (credentials) => deps.corpTags.edit(credentials, entry));
    }
    return orders.length > 0 ? 'written' : 'skipped';
  }

  async function remove(tenantId: string, tagIds: string[], groupIds: string[]): Promise<Outcome> {
    if (tagIds.length === 0 && groupIds.length === 0) return 'skipped';
    try {
      await wecom(tenantId, (credentials) => deps.corpTags.remove(credentials, { tagIds, groupIds }));
    } catch (error) {
      if (error instanceof Refused && error.message.includes(`（${UNKNOWN_ID} `)) return 'skipped';
      throw error;
    }
    return 'written';
  }

  return {
    async applyCorpTagWrite(input: { tenantId: string; write: CorpTagWrite }): Promise<{ outcome: Outcome }> {
      const { tenantId, write } = input;
      // Handed over twice (a wake while it was being applied): WeCom has it already.
      if (await CorpTagWriteModel.exists({ tenantId, _id: write.writeId, status: 'applied' })) {
        return { outcome: 'skipped' };
      }
      const outcome = await applyWrite(tenantId, write);
      await CorpTagWriteModel.updateOne({ tenantId, _id: write.writeId }, { $set: { status: 'applied' } });
      return { outcome };
    },

    /** The customer side of a delete (I-105): the tags leave every customer, whatever WeCom says. */
    async removeDeletedCorpTagsFromCustomers(input: { tenantId: string; tagIds: string[] }) {
      return { customers: await removeTagsFromCustomers(input.tenantId, input.tagIds, deps.customerIndexer) };
    },
  };

  async function applyWrite(tenantId: string, write: CorpTagWrite): Promise<Outcome> {
    try {
      switch (write.kind) {
        case 'create-group':
          return await createGroup(tenantId, write.groupKey);
        case 'create-tags':
          return await createTags(tenantId, write.groupKey, write.tagKeys);
        case 'rename':
          return await rename(tenantId, write.target, write.key);
        case 'reorder':
          return await reorder(tenantId, write.target, write.keys);
        case 'delete':
          return await remove(tenantId, write.tagIds, write.groupIds);
      }
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      if (write.kind === 'create-group') await markGroupRefused(tenantId, write.groupKey, error.message);
      return 'refused';
    }
  }
}

export type CorpTagWriteActivities = ReturnType<typeof createCorpTagWriteActivities>;
