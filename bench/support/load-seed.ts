/**
 * The load bench's data: one tenant bound to a simulator corp (its super admin logs in; its 客户联系 callback
 * secrets sign the bench's events), its staff, customers in MongoDB and the customer index, archived messages in
 * the chat index, and a 群活码 whose groups never fill. Written the way the other benches load (bulk, through the
 * product's own record builders and index writers), so the documents have the product's shape.
 */
import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { toChatMessageRecord, type DecryptedMessage } from '../../lib/archive/chat-message-record';
import { groupExpiry } from '../../lib/group-codes/group-states';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { GroupCodeGroupModel } from '../../lib/models/group-code-group.model';
import { GroupCodeModel } from '../../lib/models/group-code.model';
import { StaffModel } from '../../lib/models/staff.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { ensureChatMessageIndex } from '../../lib/search/chat-index-lifecycle';
import { chatIndexNames, indexChatMessages } from '../../lib/search/chat-message-index';
import { customerReadModel } from '../../lib/search/customer-index';
import { ensureListIndex, indexListSources, type ListSearch } from '../../lib/search/list-read-model';
import { customerIndexNames } from '../../lib/search/customer-index';
import { ensureCallbackSettings } from '../../lib/wecom/binding-store';
import { simulator } from '../../test/support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../../test/support/tenant-fixture';
import { chatText, random, zipf } from './chat-corpus';
import { customerDocument } from './customer-corpus';

export const LOAD_STAFF = 20;
const TAGS = 40;
const BATCH = 5_000;
/** Customers per bulk request through the product's list writer, which gives a bulk 10 s. */
const CUSTOMER_BULK = 1_000;
/** A bulk that overran those 10 s on a busy machine is sent again: external versions make that harmless. */
const BULK_TRIES = 5;
const DAY_MS = 86_400_000;
const ADMIN_MOBILE = '13700009001';

export interface LoadTenant {
  tenantId: string;
  corpId: string;
  login: { phone: string; password: string };
  /** The 客户联系 callback's Token and EncodingAESKey, as WeCom holds them. */
  customersCallback: { token: string; aesKey: string };
}

/** The tenant, bound to a fresh simulator corp, with a 总部 department and LOAD_STAFF members under it. */
export async function seedTenant(): Promise<LoadTenant> {
  const tenantId = freshTenantId('load');
  const corp = await simulator.createCorp('压测企业');
  await createBoundTenant(tenantId, corp, { adminMobile: ADMIN_MOBILE });
  const { customers } = await ensureCallbackSettings(tenantId);
  await DepartmentModel.create({ tenantId, deptId: 1, name: '总部', parentId: 0 });
  await StaffModel.insertMany(
    Array.from({ length: LOAD_STAFF }, (_, i) => ({
      tenantId,
      userid: `staff-${i}`,
      name: `员工${i}`,
      departmentIds: [1],
    })),
  );
  await CorpTagGroupModel.create({
    tenantId,
    groupId: 'group-1',
    name: '客户等级',
    tags: Array.from({ length: TAGS }, (_, i) => ({ tagId: `tag-${i}`, name: `标签${i}` })),
  });
  return {
    tenantId,
    corpId: corp.corpId,
    login: { phone: ADMIN_MOBILE, password: ADMIN_PASSWORD },
    customersCallback: customers,
  };
}

/** `count` customers into MongoDB and, in the same batches, into the customer index (searchable on return). */
export async function seedCustomers(search: ListSearch, tenantId: string, count: number): Promise<void> {
  // Created before the rows exist, so the refill it starts (nobody polls its task queue here) has nothing to do.
  await ensureListIndex(search, customerReadModel);
  const corpus = { tenantId, staff: LOAD_STAFF, tags: TAGS };
  const next = random(42);
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) =>
      customerDocument(corpus, start + i, next),
    );
    // The driver's collection: no mongoose hooks, so the index is filled here in bulk, not per write.
    await Promise.all([
      CustomerModel.collection.insertMany(batch, { ordered: false }),
      (async () => {
        for (let at = 0; at < batch.length; at += CUSTOMER_BULK) {
          const bulk = batch.slice(at, at + CUSTOMER_BULK);
          for (let tries = 1; ; tries++) {
            try {
              await indexListSources(search, customerReadModel, bulk);
              break;
            } catch (error) {
              if (tries === BULK_TRIES) throw error;
            }
          }
        }
      })(),
    ]);
  }
  await search.es.indices.refresh({ index: customerIndexNames(search.indexPrefix).alias });
}

/**
 * `count` text messages over the last 90 days into the chat index (searchable on return): each between a member
 * and a customer, busy members (zipf) carrying most, so staff-0 has the longest history to search.
 */
export async function seedArchive(
  es: ElasticsearchClient,
  indexPrefix: string,
  tenantId: string,
  count: number,
): Promise<void> {
  const names = chatIndexNames(indexPrefix);
  await ensureChatMessageIndex(es, names);
  const next = random(2026);
  const end = Date.now();
  const step = (90 * DAY_MS) / Math.max(1, count);
  for (let start = 0; start < count; start += BATCH) {
    const records = [];
    for (let m = start; m < Math.min(count, start + BATCH); m++) {
      const staff = `staff-${zipf(next, LOAD_STAFF)}`;
      const customer = `wm${String(Math.floor(next() * 10_000)).padStart(16, '0')}`;
      const fromStaff = next() < 0.5;
      const msgtime = Math.round(end - (count - m) * step);
      const message: DecryptedMessage = {
        msgid: `load${String(m).padStart(10, '0')}_${msgtime}_external`,
        action: 'send',
        from: fromStaff ? staff : customer,
        tolist: [fromStaff ? customer : staff],
        roomid: '',
        msgtime,
        msgtype: 'text',
        text: { content: chatText(next) },
      };
      records.push(toChatMessageRecord(tenantId, m + 1, message)!);
    }
    await indexChatMessages(es, names.alias, records);
  }
  await es.indices.refresh({ index: names.alias });
}

/** A 群活码 of 10 groups, each with more places than a bench can scan: every scan is handed a group. */
export async function seedGroupCode(tenantId: string): Promise<string> {
  const groups = 10;
  const code = await GroupCodeModel.create({
    tenantId,
    name: '压测活码',
    scene: '压测',
    strategy: 'overflow',
    creator: { staffId: 'bench', userid: 'staff-0', name: '员工0' },
    groupCount: groups,
  });
  const codeId = String(code._id);
  const validDay = businessDay(new Date(Date.now() + 3 * DAY_MS));
  await GroupCodeGroupModel.insertMany(
    Array.from({ length: groups }, (_, i) => ({
      tenantId,
      codeId,
      position: i + 1,
      qrFileId: '0'.repeat(24),
      name: `群${i + 1}`,
      expiresOn: validDay,
      expiresAt: groupExpiry(validDay),
      scanLimit: 10_000_000,
    })),
  );
  return codeId;
}
