import type { estypes } from '@elastic/elasticsearch';
import { loadCallerAccess } from '../access/caller-access';
import { resolveStaffScope, type StaffScope } from '../access/data-scope';
import type { SopScope, SopTask } from '../contracts/sop.contract';
import { StaffModel } from '../models/staff.model';
import type { SopPlanDocument } from '../models/sop-plan.model';
import { CUSTOMER_SEARCH_SORT } from '../search/customer-search-query';
import { scanListRows, type ListSearch } from '../search/list-read-model';
import { sopAudienceQuery } from './sop-audience';

type Query = estypes.QueryDslQueryContainer;

/** A plan as the engine reads it: the stored document with its scope and tasks typed. */
export interface SopPlanForEngine {
  _id: { toString(): string };
  tenantId: string;
  scope: SopScope;
  tasks: SopTask[];
  enabled: boolean;
  creator: SopPlanDocument['creator'];
  deletedAt?: Date | null;
}

/** One member of an audience as the engine needs it: who, named, and who is reminded of them. */
export interface SopMember {
  /** externalUserid of a customer, chatId of a group. */
  id: string;
  name: string;
  /** The customer's 跟进人 (or, lacking one, the first 添加人), the group's 群主; null when nobody is. */
  assigneeUserid: string | null;
}

interface CustomerHit {
  externalUserid: string;
  ownerUserid: string | null;
  adderUserids: string[];
  row: { name: string };
}

interface GroupHit {
  chatId: string;
  ownerUserid: string;
  row: { name: string };
}

/**
 * The creator's 数据权限 as it is now (as a 群发's is resolved): the audience never reaches beyond what the
 * creator may see. A creator gone from the staff list sees nobody.
 */
export async function creatorScope(plan: SopPlanForEngine): Promise<StaffScope> {
  const creator = await StaffModel.findOne({ tenantId: plan.tenantId, _id: plan.creator?.staffId }).lean();
  if (!creator) return { all: false, userids: [] };
  const access = await loadCallerAccess(plan.tenantId, creator);
  return resolveStaffScope(plan.tenantId, access, access);
}

/**
 * The plan's audience, narrowed by `also` (changed since a time, or some ids), `size` at a time, read from
 * the search index alone.
 */
export async function* scanSopMembers(
  search: ListSearch,
  plan: SopPlanForEngine,
  scope: StaffScope,
  also: Query | null,
  size: number,
): AsyncGenerator<SopMember[]> {
  const { readModel, query } = sopAudienceQuery(plan.tenantId, plan.scope, scope);
  const filtered: Query = also ? { bool: { filter: [query, also] } } : query;
  if (plan.scope.kind === 'groups') {
    const batches = scanListRows<unknown, GroupHit>(search, readModel, {
      query: filtered,
      sort: [{ chatId: { order: 'asc' } }],
      size,
      source: ['chatId', 'ownerUserid', 'row.name'],
    });
    for await (const groups of batches) {
      yield groups.map((group) => ({
        id: group.chatId,
        name: group.row.name,
        assigneeUserid: group.ownerUserid || null,
      }));
    }
    return;
  }
  const batches = scanListRows<unknown, CustomerHit>(search, readModel, {
    query: filtered,
    sort: CUSTOMER_SEARCH_SORT,
    size,
    source: ['externalUserid', 'ownerUserid', 'adderUserids', 'row.name'],
  });
  for await (const customers of batches) {
    yield customers.map((customer) => ({
      id: customer.externalUserid,
      name: customer.row.name,
      assigneeUserid: customer.ownerUserid ?? customer.adderUserids?.[0] ?? null,
    }));
  }
}

/** The search field that names a member of the plan's audience. */
export const memberIdField = (plan: SopPlanForEngine) =>
  plan.scope.kind === 'groups' ? 'chatId' : 'externalUserid';
