import type { ResignedGroupQuery } from '../../../lib/contracts/handover.contract';
import { findMatchingAny } from '../../../lib/db/find-matching-any';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { loadCredentials } from '../../../lib/wecom/binding-store';
import { createCustomersApi } from '../../../lib/wecom/customers-api';
import { WeComApiError } from '../../../lib/wecom/errors';
import { createTransferApi, GROUP_OWNER_FILTER_MAX } from '../../../lib/wecom/transfer-api';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { unassignedCustomers } from './unassigned-customers';

type Deps = Pick<AppContext, 'wecom'>;

/** How many groups one listing reads from WeCom at most (groupchat/list pages of 1,000). */
const RESIGNED_GROUPS_READ_MAX = 2_000;
/** groupchat/list without owner_filter when the app sees more than 1,000 members (API.md §8.1). */
const OWNER_FILTER_REQUIRED = 81017;

/** A group whose owner resigned, as the 离职继承 page shows it. */
export interface ResignedGroup {
  chatId: string;
  ownerUserid: string;
  name: string;
  memberCount: number;
}

/**
 * The ids of every group whose owner resigned and that no successor has yet (groupchat/list's status_filter 1).
 * WeCom lists them for every owner at once unless the app sees more than 1,000 members (81017); then the owners
 * are named, and the resigned members WeCom knows of are those of get_unassigned_list.
 */
async function resignedChatIds(tenantId: string, deps: Deps): Promise<string[]> {
  const api = createTransferApi(deps.wecom);
  const credentials = await loadCredentials(tenantId, 'externalContact');
  const readAll = async (ownerUserids?: string[]) => {
    const ids: string[] = [];
    let cursor = '';
    do {
      const page = await api.resignedGroupsPage(credentials, { cursor, ownerUserids });
      ids.push(...page.chatIds);
      cursor = page.nextCursor;
    } while (cursor && ids.length < RESIGNED_GROUPS_READ_MAX);
    return ids;
  };
  try {
    return await readAll();
  } catch (error) {
    if (!(error instanceof WeComApiError && error.errcode === OWNER_FILTER_REQUIRED)) throw error;
  }
  const owners = [...new Set((await unassignedCustomers(tenantId, deps)).map((row) => row.handover_userid))];
  const ids: string[] = [];
  for (
    let start = 0;
    start < owners.length && ids.length < RESIGNED_GROUPS_READ_MAX;
    start += GROUP_OWNER_FILTER_MAX
  )
    ids.push(...(await readAll(owners.slice(start, start + GROUP_OWNER_FILTER_MAX))));
  return ids;
}

/**
 * Every group waiting for a successor with its owner and name: as the 客户群 list stored them (by key), or read
 * from WeCom for a group the sync has not stored yet.
 */
export async function resignedGroups(tenantId: string, deps: Deps): Promise<ResignedGroup[]> {
  const chatIds = [...new Set(await resignedChatIds(tenantId, deps))];
  const stored = await findMatchingAny<{
    chatId: string;
    ownerUserid: string;
    name: string;
    memberCount: number;
  }>(
    CustomerGroupModel,
    chatIds.map((chatId) => ({ tenantId, chatId })),
    { chatId: 1, ownerUserid: 1, name: 1, memberCount: 1 },
  );
  const known = new Map(stored.map((group) => [group.chatId, group]));
  const missing = chatIds.filter((chatId) => !known.has(chatId));
  if (missing.length > 0) {
    const api = createCustomersApi(deps.wecom);
    const credentials = await loadCredentials(tenantId, 'externalContact');
    for (const chatId of missing) {
      const chat = await api.getGroupChat(credentials, chatId);
      known.set(chatId, {
        chatId,
        ownerUserid: chat.owner,
        name: chat.name ?? '',
        memberCount: chat.member_list?.length ?? 0,
      });
    }
  }
  return chatIds.flatMap((chatId) => {
    const group = known.get(chatId);
    return group
      ? [{ chatId, ownerUserid: group.ownerUserid, name: group.name, memberCount: group.memberCount }]
      : [];
  });
}

/** 离职继承 → 待分配客户群: by 原群主, paged on the server. */
export async function listResignedGroups(caller: Caller, query: ResignedGroupQuery, deps: Deps) {
  const matching = (await resignedGroups(caller.tenantId, deps)).filter(
    (group) => !query.handoverUserid || group.ownerUserid === query.handoverUserid,
  );
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const names = await staffNamesByUserid(
    caller.tenantId,
    page.map((group) => group.ownerUserid),
  );
  return {
    items: page.map((group) => ({
      handoverUserid: group.ownerUserid,
      handoverName: names.get(group.ownerUserid) ?? group.ownerUserid,
      chatId: group.chatId,
      groupName: group.name,
      memberCount: group.memberCount,
    })),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
