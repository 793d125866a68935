import type { Client } from '@temporalio/client';
import { Types } from 'mongoose';
import type { StaffScope } from '../../../lib/access/data-scope';
import {
  TAGGING_FILTER_CAP,
  type CustomerFilter,
  type CustomerTaggingRequest,
  type TaggingJobView,
} from '../../../lib/contracts/customer.contract';
import { deriveCustomerFields } from '../../../lib/customers/customer-derived';
import { customersById } from '../../../lib/customers/customers-by-id';
import { searchCustomerIds } from '../../../lib/search/customer-search';
import type { CustomerIndexer } from '../../../lib/search/customer-indexer';
import type { CustomerSearch } from '../../../lib/search/customer-search-context';
import { CorpTagGroupModel } from '../../../lib/models/corp-tag.model';
import { CustomerTaggingJobModel } from '../../../lib/models/customer-tagging-job.model';
import { CustomerModel, type Customer } from '../../../lib/models/customer.model';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { customerTaggingWorkflowId } from '../../../lib/temporal/workflow-ids';
import { staffScopeFilter } from '../../../lib/access/data-scope';
import { whileSearchReachable } from './search-unavailable';
import { badRequest, notFound, unavailable } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { bulkWriteInSlices } from '../../../lib/db/bulk-write-in-slices';
import { startWorkflow } from '../../../lib/temporal/typed-workflows';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';

/**
 * 打标签 (R-3.1.1-03, R-3.1.2-05, I-43). Tags are per member × customer in WeCom, and the list shows their
 * union: the chosen tags go on (or off) every active relation of each customer, so the customer shows
 * them whoever follows it, and removing a tag really removes it. Saved on our customers at once (the list
 * shows them now), then written to WeCom by a workflow that survives outages.
 */
export async function tagCustomers(
  deps: {
    temporal: Client;
    taskQueue: string;
    customerSearch: CustomerSearch;
    customerIndexer: CustomerIndexer;
  },
  caller: { tenantId: string; staffId: string; scope: StaffScope },
  request: CustomerTaggingRequest,
) {
  const { tenantId, scope } = caller;
  const addTagIds = [...new Set(request.addTagIds)];
  const removeTagIds = [...new Set(request.removeTagIds)];
  if (addTagIds.some((id) => removeTagIds.includes(id))) throw badRequest('同一标签不能同时添加和移除');
  await assertTagsExist(tenantId, [...addTagIds, ...removeTagIds]);

  const customers = request.filter
    ? await customersMatching(deps.customerSearch, tenantId, request.filter, scope)
    : await CustomerModel.find(
        {
          tenantId,
          active: true,
          externalUserid: { $in: request.externalUserids ?? [] },
          ...staffScopeFilter(scope, 'adderUserids'),
        },
        TAGGED_FIELDS,
      ).lean<TaggedCustomer[]>();
  if (customers.length === 0) throw badRequest('请选择客户');

  const relations: Array<{ externalUserid: string; userid: string }> = [];
  const changes: TagChange[] = [];
  const writes = customers.map((customer) => {
    const follows = (customer.follows ?? []).map((follow) => {
      if (follow.deletedAt) return follow;
      const tagIds = [...new Set([...follow.tagIds, ...addTagIds])].filter(
        (id) => !removeTagIds.includes(id),
      );
      const changed =
        tagIds.length !== follow.tagIds.length || tagIds.some((id) => !follow.tagIds.includes(id));
      if (changed) relations.push({ externalUserid: customer.externalUserid, userid: follow.userid });
      return { ...follow, tagIds };
    });
    const derived = deriveCustomerFields(follows, customer.profile?.phone);
    changes.push({
      externalUserid: customer.externalUserid,
      name: customer.name ?? '',
      before: customer.tagIds ?? [],
      after: derived.tagIds,
    });
    return {
      updateOne: {
        filter: { tenantId, externalUserid: customer.externalUserid },
        // Typed loosely: the lean relations are plain objects, mongoose's update type wants subdocuments.
        update: { $set: { follows, ...derived } } as Record<string, unknown>,
      },
    };
  });
  // The job first: from then on a sync reading WeCom's older tags keeps these (pending-tag-changes.ts).
  const job = await CustomerTaggingJobModel.create({
    _id: new Types.ObjectId(),
    tenantId,
    actorStaffId: caller.staffId,
    addTagIds,
    removeTagIds,
    customers: customers.length,
    relations,
    status: relations.length ? 'running' : 'completed',
  });
  // Searchable before we answer: the admin reloads the list (and may filter by the new tag) right after.
  await deps.customerIndexer.writeAndIndex(
    tenantId,
    customers.map((customer) => customer._id),
    () => bulkWriteInSlices(CustomerModel, writes, { ordered: false }),
    { refresh: 'wait_for' },
  );
  const jobId = String(job._id);
  if (relations.length) {
    try {
      await startWorkflow(deps.temporal.workflow, 'customerTaggingWorkflow', {
        workflowId: customerTaggingWorkflowId(tenantId, jobId),
        taskQueue: deps.taskQueue,
        args: [{ tenantId, jobId }],
        typedSearchAttributes: entitySearchAttributes(tenantId, 'customer-tagging', jobId),
      });
    } catch {
      // Our customers carry the tags already; the job stays `running` so the write-back can be started again.
      throw unavailable('标签已保存，同步到企业微信的服务暂不可用，请稍后重试', 'TEMPORAL_UNAVAILABLE');
    }
  }
  return { job: toJobView(job.toObject()), changes };
}

/** One customer's tags (the union over its relations) before and after a tagging. */
export interface TagChange {
  externalUserid: string;
  name: string;
  before: string[];
  after: string[];
}

// An audit row stays readable: a bulk tagging lists its first customers, the job has the rest.
const AUDITED_CUSTOMERS = 100;

/** The audit row of one tagging (admin list, detail or H5 side panel): each customer's tags before/after. */
export async function auditCustomerTagging(
  actor: Pick<Caller, 'tenantId' | 'staffId' | 'ip'>,
  request: { addTagIds: string[]; removeTagIds: string[] },
  result: { job: TaggingJobView; changes: TagChange[] },
): Promise<void> {
  const listed = result.changes.slice(0, AUDITED_CUSTOMERS);
  await recordAudit(actor, {
    action: 'customer.tag',
    target: {
      type: 'customer-tagging',
      id: result.job.id,
      name: listed.length === 1 ? listed[0].name : `${result.job.customers}位客户`,
    },
    before: { tags: Object.fromEntries(listed.map((change) => [change.externalUserid, change.before])) },
    after: {
      addTagIds: request.addTagIds,
      removeTagIds: request.removeTagIds,
      tags: Object.fromEntries(listed.map((change) => [change.externalUserid, change.after])),
    },
  });
}

/** 打标签 from the 客户 list or 客户详情, inside the caller's 数据权限: the tagging and its audit row. */
export async function tagListedCustomers(
  caller: Caller,
  request: CustomerTaggingRequest,
  {
    temporal,
    customerSearch,
    customerIndexer,
  }: Pick<AppContext, 'temporal' | 'customerSearch' | 'customerIndexer'>,
): Promise<TaggingJobView> {
  const result = await tagCustomers(
    { temporal: temporal.client, taskQueue: temporal.taskQueue, customerSearch, customerIndexer },
    { ...caller, scope: await caller.scope() },
    request,
  );
  await auditCustomerTagging(caller, request, result);
  return result.job;
}

const TAGGED_FIELDS = { externalUserid: 1, name: 1, follows: 1, profile: 1, tagIds: 1 } as const;
type TaggedCustomer = Pick<Customer, 'externalUserid' | 'name' | 'follows' | 'profile' | 'tagIds'> & {
  _id: Types.ObjectId;
  tenantId: string;
};

/** "全选": every customer the list's filter matches (the same search as the list), in list order. */
async function customersMatching(
  search: CustomerSearch,
  tenantId: string,
  filter: CustomerFilter,
  scope: StaffScope,
): Promise<TaggedCustomer[]> {
  const found = await whileSearchReachable(() =>
    searchCustomerIds(search, tenantId, filter, scope, {
      from: 0,
      size: TAGGING_FILTER_CAP,
      countUpTo: TAGGING_FILTER_CAP + 1,
    }),
  );
  if (found.total > TAGGING_FILTER_CAP) {
    throw badRequest(
      `符合条件的客户超过${TAGGING_FILTER_CAP}位，请缩小筛选范围后再打标签`,
      'TOO_MANY_CUSTOMERS',
    );
  }
  const rows = await customersById<TaggedCustomer>(tenantId, found.ids, TAGGED_FIELDS);
  return found.ids.flatMap((id) => rows.get(id) ?? []);
}

async function assertTagsExist(tenantId: string, tagIds: string[]): Promise<void> {
  const groups = await CorpTagGroupModel.find(
    { tenantId, 'tags.tagId': { $in: tagIds } },
    { tags: 1 },
  ).lean();
  const known = new Set(groups.flatMap((group) => group.tags.map((tag) => tag.tagId)));
  if (tagIds.some((id) => !known.has(id))) throw badRequest('标签不存在，请刷新后重试', 'TAG_NOT_FOUND');
}

export async function taggingJob(
  { tenantId }: Caller,
  { jobId }: { jobId: string },
): Promise<TaggingJobView> {
  const job = await CustomerTaggingJobModel.findOne({ tenantId, _id: jobId }).lean();
  if (!job) throw notFound('任务不存在');
  return toJobView(job);
}

function toJobView(job: {
  _id: unknown;
  status?: string | null;
  customers: number;
  relations: unknown[];
  written?: number | null;
  failures: Array<{
    externalUserid?: string | null;
    userid?: string | null;
    errcode?: number | null;
    errmsg?: string | null;
  }>;
}): TaggingJobView {
  return {
    id: String(job._id),
    status: job.status === 'completed' ? 'completed' : 'running',
    customers: job.customers,
    relations: job.relations.length,
    written: job.written ?? 0,
    failures: job.failures.map((failure) => ({
      externalUserid: failure.externalUserid ?? '',
      userid: failure.userid ?? '',
      errcode: failure.errcode ?? 0,
      errmsg: failure.errmsg ?? '',
    })),
  };
}
