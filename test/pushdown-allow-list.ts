/**
 * Query shapes the integration and e2e suites send that FerretDB (PostgreSQL backend) does not push down, or
 * pushes only partly, reviewed one by one (DESIGN.md, "key-only rule"; the check: scripts/stack/pushdown-check.ts).
 * A shape here is either bounded (a tenant's settings, roles, staff…: small whatever the tenant's data) or a
 * known debt that grows with the tenant's data, written as such so that it stays visible. The reasons are
 * shared below, one per kind of access; the check prints a new shape ready to paste, with the code that sent it.
 */
export interface AllowedShape {
  collection: string;
  command: string;
  /** The shape as the check prints it (lib/db/query-shapes.ts). */
  shape: string;
  reason: string;
}

const STAFF =
  "bounded: a tenant's staff or departments (its WeCom members, hundreds to a few thousand), selected by tenantId";
const ROLES = "bounded: a tenant's roles (tens)";
const SEATS = "bounded: a tenant's seat claims (at most its seats)";
const TAG_GROUPS = "bounded: a tenant's tag groups and their tags (hundreds at most, edited by hand)";
const HAND_MADE =
  'bounded: made by hand in the admin (tens to hundreds a tenant): rules, welcome messages, staff and group live codes';
const CODE_GROUPS = 'bounded: the actual groups of one live code (codeId and tenantId are pushed)';
const LOGIN_FAILURES =
  "bounded: one phone's recent failed logins (phone is pushed; the lockout keeps them few)";
const TENANTS = 'bounded by the installation: every tenant is read (tens to hundreds)';
const TENANT_BY_CORP =
  'bounded by the installation: every tenant is read (tens to hundreds); wecom.corpId is dotted, so not pushed: a top-level copy of it would make this a key';
const ONE_CUSTOMER = 'bounded: one customer (externalUserid is pushed), the rest checked in Go';
const ONE_GROUP = 'bounded: one customer group (chatId is pushed), the rest checked in Go';
const ONE_CONVERSATION =
  'known debt, grows with one conversation: its messages are read to page them by time in Go; to move to the ES read model (issue 12/13)';
const CALL_STATS =
  "bounded: per-minute WeCom call counts, kept 48 hours (CALL_STATS_RETENTION_MS); the expiry reads every tenant's";
const LIST_OUTBOX =
  'bounded: at api and worker start, the tenants with rows in the search outbox (a row lives for the length of one write)';
const SOP_HAND_OFFS =
  'bounded: SOP plan changes not yet handed to their workflows, read at api and worker start and while Temporal is unreachable (a row lives for the length of one save, or until Temporal answers again)';
const LIST_REBUILD =
  'a read model refilled from MongoDB (客户, 客户群, 敏感行为审核, 群发, 知识库, SOP, 统计分析 rollups): one cursor over the collection, only when its index is new or was wiped; never on a request';
const GROUPS_SWEEP =
  "grows with the tenant's groups: the group sync's end reads the groups it did not see, to index them as dismissed (once a sync run, the filter of the update it makes anyway)";
const CONTACT_RECORDS = "bounded per customer: one customer's contact records (externalUserid is pushed)";
const SYNC_RUNS =
  "grows slowly: a tenant's sync runs (a few a day), kind and status pushed, dates in Go; expire old runs to bound it";
const CUSTOMERS = 'known debt, grows with the tenant (customers): to move to the ES read model (issue 12/13)';
const CHATS = 'known debt, grows with the tenant (chat archive): to move to the ES read model (issue 12/13)';
const GROUPS =
  'known debt, grows with the tenant (customer groups and their members): list and filters to move to an ES read model (issue 12/13)';
const STATISTICS =
  'known debt, grows with the tenant (every scan or new contact): counts to become pre-aggregated documents';
const INBOX =
  "known debt, grows with the tenant's callback traffic (status pushed, receivedAt in Go): expire handled events";
const TAGGING_JOBS =
  'known debt, grows with time (one job per tagging action): $or of status and updatedAt is not pushed';
const FILES =
  "known debt, grows with every tenant's files: _id $in and the dotted metadata.tenantId are not pushed, so every tenant's files are read; read each file by _id";
const ID_IN =
  "known debt, grows with the tenant: _id $in is not pushed, so all of the tenant's documents of the collection are read to find a few; read each by _id";

export const PUSHDOWN_ALLOW_LIST: AllowedShape[] = [
  {
    collection: 'archive_consents',
    command: 'delete',
    shape: '{syncedAt: $range, tenantId: string}',
    reason: CUSTOMERS,
  },
  { collection: 'archive_consents', command: 'find', shape: '{_id: $in, tenantId: string}', reason: ID_IN },
  { collection: 'archive_consents', command: 'update', shape: '{_id: $in, tenantId: string}', reason: ID_IN },
  {
    collection: 'audit_logs',
    command: 'distinct',
    shape: '{action: regex, tenantId: string} distinct(action)',
    reason: 'test assertion only (test/integration/sensitive-rules.test.ts)',
  },
  {
    collection: 'audit_logs',
    command: 'find',
    shape: '{action: string, after.method: string, tenantId: string}',
    reason: 'test assertion only (test/integration/h5-sidebar.test.ts)',
  },
  {
    collection: 'audit_logs',
    command: 'find',
    shape: '{action: string, target.id: string, tenantId: string}',
    reason: 'test assertion only (test/integration/customers.test.ts)',
  },
  {
    collection: 'audit_logs',
    command: 'find',
    shape: '{target.type: string, tenantId: string}',
    reason: 'test assertion only (test/integration/corp-tags.test.ts)',
  },
  {
    collection: 'callback_inbox',
    command: 'find',
    shape: '{receivedAt: $range, source: string, status: string, tenantId: string}',
    reason: INBOX,
  },
  {
    collection: 'chatMedia.files',
    command: 'aggregate',
    shape: '{} [$match $group]',
    reason: 'test assertion only (test/integration/archive-ingest.test.ts)',
  },
  {
    collection: 'chat_conversations',
    command: 'aggregate',
    shape:
      '{conversationId: $in, externalUserids: string, staffUserids: string, tenantId: string} [$match $group]',
    reason: CHATS,
  },
  {
    collection: 'chat_conversations',
    command: 'aggregate',
    shape: '{conversationId: $in, externalUserids: string, tenantId: string} [$match $group]',
    reason: CHATS,
  },
  {
    collection: 'chat_conversations',
    command: 'aggregate',
    shape: '{externalUserids: string, staffUserids: $in, tenantId: string} [$match $group]',
    reason: CHATS,
  },
  {
    collection: 'chat_conversations',
    command: 'aggregate',
    shape: '{lastMessageAt: $range, staffUserids: string, tenantId: string} [$match $group]',
    reason: CHATS,
  },
  {
    collection: 'chat_conversations',
    command: 'find',
    shape: '{conversationId: $in, externalUserids: string, staffUserids: string, tenantId: string}',
    reason: CHATS,
  },
  {
    collection: 'chat_conversations',
    command: 'find',
    shape: '{conversationId: $in, externalUserids: string, tenantId: string}',
    reason: CHATS,
  },
  {
    collection: 'chat_conversations',
    command: 'find',
    shape: '{externalUserids: string, staffUserids: $in, tenantId: string}',
    reason: CHATS,
  },
  {
    collection: 'chat_conversations',
    command: 'find',
    shape: '{lastMessageAt: $range, staffUserids: string, tenantId: string}',
    reason: CHATS,
  },
  {
    collection: 'chat_messages',
    command: 'aggregate',
    shape: '{content: regex, staffUserids: string, tenantId: string} [$match $group]',
    reason: 'test assertion only (test/integration/archive-search.test.ts)',
  },
  {
    collection: 'chat_messages',
    command: 'aggregate',
    shape: '{content: regex, tenantId: string} [$match $group]',
    reason: 'test assertion only (test/integration/archive-ingest.test.ts)',
  },
  {
    collection: 'chat_messages',
    command: 'distinct',
    shape:
      '{externalUserids: string, msgtime: $range, msgtype: string, staffUserids: string, tenantId: string} distinct(conversationId)',
    reason: CHATS,
  },
  {
    collection: 'chat_messages',
    command: 'distinct',
    shape: '{externalUserids: string, msgtime: $range, tenantId: string} distinct(conversationId)',
    reason: CHATS,
  },
  {
    collection: 'chat_messages',
    command: 'distinct',
    shape: '{itemMedia.fileKey: $exists, tenantId: string} distinct(itemMedia.fileKey)',
    reason: 'test assertion only (test/integration/archive-ingest.test.ts)',
  },
  {
    collection: 'chat_messages',
    command: 'distinct',
    shape: '{media.fileKey: $exists, tenantId: string} distinct(media.fileKey)',
    reason: 'test assertion only (test/integration/archive-ingest.test.ts)',
  },
  {
    collection: 'chat_messages',
    command: 'find',
    shape:
      '{$or: [{_id: $range, msgtime: date} | {msgtime: $range}], conversationId: string, tenantId: string}',
    reason: ONE_CONVERSATION,
  },
  {
    collection: 'chat_messages',
    command: 'find',
    shape:
      '{$or: [{msgtime: $range} | {msgtime: date, seq: $range}], conversationId: string, tenantId: string}',
    reason: ONE_CONVERSATION,
  },
  {
    collection: 'chat_messages',
    command: 'find',
    shape: '{conversationId: string, msgtime: $range, tenantId: string}',
    reason: ONE_CONVERSATION,
  },
  {
    collection: 'chat_messages',
    command: 'find',
    shape: '{conversationId: string, staffUserids: $in, tenantId: string}',
    reason: ONE_CONVERSATION,
  },
  {
    collection: 'chat_messages',
    command: 'find',
    shape: '{}',
    reason:
      'by design: the chat-search rebuild, one pass over every message (activities/chat-search-rebuild.activities.ts)',
  },
  {
    collection: 'chat_messages',
    command: 'find',
    shape: '{media.md5sum: string, tenantId: string}',
    reason: 'test assertion only (test/integration/archive-ingest.test.ts)',
  },
  {
    collection: 'contactRecordFiles.files',
    command: 'aggregate',
    shape: '{} [$match $group]',
    reason: 'test assertion only (test/integration/contact-records.test.ts)',
  },
  {
    collection: 'contactRecordFiles.files',
    command: 'find',
    shape: '{_id: $in, metadata.tenantId: string}',
    reason: FILES,
  },
  {
    collection: 'contactRecordFiles.files',
    command: 'update',
    shape: '{_id: $in, metadata.recordId: $exists, metadata.tenantId: string}',
    reason: FILES,
  },
  {
    collection: 'contact_records',
    command: 'aggregate',
    shape: '{deletedAt: $exists, externalUserid: string, tenantId: string} [$match $group]',
    reason: CONTACT_RECORDS,
  },
  {
    collection: 'contact_records',
    command: 'find',
    shape: '{deletedAt: $exists, externalUserid: string, tenantId: string}',
    reason: CONTACT_RECORDS,
  },
  {
    collection: 'corp_tag_groups',
    command: 'delete',
    shape: '{_id: $in, tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'corp_tag_groups',
    command: 'find',
    shape: '{$or: [{groupId: $in} | {localId: $in}], tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'corp_tag_groups',
    command: 'find',
    shape: '{$or: [{groupId: string} | {localId: string}], tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'corp_tag_groups',
    command: 'find',
    shape: '{$or: [{tags.localId: string} | {tags.tagId: string}], tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'corp_tag_groups',
    command: 'find',
    shape: '{groupId: $in, tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'corp_tag_groups',
    command: 'find',
    shape: '{lastSeenAt: $range, tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'corp_tag_groups',
    command: 'find',
    shape: '{tags.tagId: $in, tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'corp_tag_groups',
    command: 'find',
    shape: '{tags.tagId: string, tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'aggregate',
    shape: '{lastSeenAt: $range, tenantId: string} [$match $group]',
    reason: GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'aggregate',
    shape: '{members.userid: string, tenantId: string} [$match $group]',
    reason: GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'distinct',
    shape: '{dismissedAt: $exists, tenantId: string} distinct(ownerUserid)',
    reason: GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'find',
    shape: '{chatId: $in, dismissedAt: $exists, ownerUserid: $in, tenantId: string}',
    reason: GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'find',
    shape: '{chatId: $in, dismissedAt: $exists, tenantId: string}',
    reason: GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'find',
    shape: '{chatId: string, dismissedAt: $exists, ownerUserid: $in, tenantId: string}',
    reason: ONE_GROUP,
  },
  {
    collection: 'customer_groups',
    command: 'find',
    shape: '{chatId: string, dismissedAt: $exists, tenantId: string}',
    reason: ONE_GROUP,
  },
  {
    collection: 'customer_groups',
    command: 'update',
    shape: '{chatId: $in, dismissedAt: $exists, ownerUserid: $in, tenantId: string}',
    reason: GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'update',
    shape: '{chatId: $in, dismissedAt: $exists, tenantId: string}',
    reason: GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'update',
    shape: '{chatId: string, dismissedAt: $exists, tenantId: string}',
    reason: ONE_GROUP,
  },
  {
    collection: 'customer_groups',
    command: 'update',
    shape: '{dismissedAt: $exists, lastSeenAt: $range, tenantId: string}',
    reason: GROUPS,
  },
  {
    collection: 'customer_groups',
    command: 'update',
    shape: '{groupTagIds: $in, tenantId: string}',
    reason: GROUPS,
  },
  {
    collection: 'list_search_outbox',
    command: 'distinct',
    shape: '{} distinct(tenantId)',
    reason: LIST_OUTBOX,
  },
  { collection: 'sop_plan_hand_offs', command: 'find', shape: '{}', reason: SOP_HAND_OFFS },
  { collection: 'sensitive_alerts', command: 'find', shape: '{}', reason: LIST_REBUILD },
  { collection: 'customer_groups', command: 'find', shape: '{}', reason: LIST_REBUILD },
  { collection: 'mass_sends', command: 'find', shape: '{deletedAt: null}', reason: LIST_REBUILD },
  { collection: 'mass_send_recipients', command: 'find', shape: '{}', reason: LIST_REBUILD },
  { collection: 'knowledge_items', command: 'find', shape: '{}', reason: LIST_REBUILD },
  { collection: 'sop_plans', command: 'find', shape: '{deletedAt: null}', reason: LIST_REBUILD },
  { collection: 'sop_targets', command: 'find', shape: '{}', reason: LIST_REBUILD },
  { collection: 'staff_day_stats', command: 'find', shape: '{}', reason: LIST_REBUILD },
  { collection: 'owner_day_group_stats', command: 'find', shape: '{}', reason: LIST_REBUILD },
  { collection: 'customer_losses', command: 'find', shape: '{}', reason: LIST_REBUILD },
  { collection: 'handovers', command: 'find', shape: '{}', reason: LIST_REBUILD },
  {
    collection: 'customer_groups',
    command: 'find',
    shape: '{dismissedAt: $exists, lastSeenAt: $range, tenantId: string}',
    reason: GROUPS_SWEEP,
  },
  {
    collection: 'customer_groups',
    command: 'update',
    shape: '{$or: [{lastMessageAt: $range} | {lastMessageAt: null}], chatId: string, tenantId: string}',
    reason: ONE_GROUP,
  },
  {
    collection: 'customer_tagging_jobs',
    command: 'find',
    shape: '{$or: [{status: string} | {updatedAt: $range}], tenantId: string}',
    reason: TAGGING_JOBS,
  },
  {
    collection: 'customers',
    command: 'find',
    shape:
      '{$and: [{$or: [{corpFullName: regex} | {corpName: regex} | {profile.corpName: regex}]}], active: bool, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape:
      '{$and: [{$or: [{name: regex} | {phones: regex}]}], active: bool, adderUserids: $in, firstAddedAt: $range, tagIds: $in, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{$and: [{$or: [{name: regex} | {phones: regex}]}], active: bool, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{$and: [{adderUserids: $in}], active: bool, adderUserids: $in, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape:
      '{$or: [{corpFullName: string, corpName: string} | {corpFullName: string} | {profile.corpName: string, type: number}], active: bool, adderUserids: $in, externalUserid: $ne:string, tenantId: string}',
    reason: CUSTOMERS,
  },
  {
    collection: 'customers',
    command: 'find',
    shape:
      '{$or: [{corpFullName: string, corpName: string} | {corpFullName: string} | {profile.corpName: string, type: number}], active: bool, externalUserid: $ne:string, tenantId: string}',
    reason: CUSTOMERS,
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{$or: [{follows.tagIds: $in} | {tagIds: $in}], tenantId: string}',
    reason: CUSTOMERS,
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, adderUserids: $in, externalUserid: $in, tenantId: string}',
    reason: CUSTOMERS,
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, adderUserids: $in, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, externalUserid: $in, tenantId: string}',
    reason: CUSTOMERS,
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, firstAddedAt: $range, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, lastContactAt: $range, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, ownerUserid: $in, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, profile.source: string, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, tagIds: $all, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{active: bool, tagIds: $in, tenantId: string}',
    reason: 'test assertion only (test/integration/customer-search.test.ts)',
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{adderUserids: $in, externalUserid: string, tenantId: string}',
    reason: ONE_CUSTOMER,
  },
  {
    collection: 'customers',
    command: 'find',
    shape: '{}',
    reason: 'by design: the customer-search rebuild, one pass over every customer in _id order',
  },
  {
    collection: 'departments',
    command: 'aggregate',
    shape:
      '{$nor: [{writeBack.op: string, writeBack.status: string}], deptId: $in, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'departments',
    command: 'aggregate',
    shape: '{lastSeenAt: $range, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'departments',
    command: 'delete',
    shape: '{lastSeenAt: $range, tenantId: string, writeBack.status: $ne:string}',
    reason: STAFF,
  },
  {
    collection: 'departments',
    command: 'find',
    shape: '{$nor: [{writeBack.op: string, writeBack.status: string}], tenantId: string}',
    reason: STAFF,
  },
  { collection: 'departments', command: 'find', shape: '{deptId: $in, tenantId: string}', reason: STAFF },
  {
    collection: 'departments',
    command: 'find',
    shape: '{tenantId: string, writeBack.status: string}',
    reason: STAFF,
  },
  {
    collection: 'groupCodeImages.files',
    command: 'find',
    shape: '{_id: $in, metadata.tenantId: string}',
    reason: FILES,
  },
  {
    collection: 'group_code_groups',
    command: 'find',
    shape: '{codeId: string, expiresAt: $range, tenantId: string}',
    reason: CODE_GROUPS,
  },
  {
    collection: 'group_code_scans',
    command: 'aggregate',
    shape: '{codeId: $in, tenantId: string} [$match $group]',
    reason: STATISTICS,
  },
  {
    collection: 'group_code_scans',
    command: 'aggregate',
    shape: '{groupId: $in, tenantId: string} [$match $group]',
    reason: STATISTICS,
  },
  {
    collection: 'group_codes',
    command: 'aggregate',
    shape:
      '{$or: [{name: regex} | {scene: regex}], deletedAt: $exists, status: string, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'group_codes',
    command: 'aggregate',
    shape: '{$or: [{name: regex} | {scene: regex}], deletedAt: $exists, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'group_codes',
    command: 'aggregate',
    shape: '{creator.userid: $in, deletedAt: $exists, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'group_codes',
    command: 'aggregate',
    shape: '{deletedAt: $exists, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'group_codes',
    command: 'find',
    shape: '{$or: [{name: regex} | {scene: regex}], deletedAt: $exists, status: string, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'group_codes',
    command: 'find',
    shape: '{$or: [{name: regex} | {scene: regex}], deletedAt: $exists, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'group_codes',
    command: 'find',
    shape: '{creator.userid: $in, deletedAt: $exists, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'group_codes',
    command: 'find',
    shape: '{deletedAt: $exists, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'group_message_days',
    command: 'find',
    shape: '{day: $range, roomid: string, tenantId: string}',
    reason: CHATS,
  },
  {
    collection: 'group_tag_groups',
    command: 'find',
    shape: '{tags._id: objectId, tenantId: string}',
    reason: TAG_GROUPS,
  },
  {
    collection: 'login_failures',
    command: 'aggregate',
    shape: '{at: $range, phone: string} [$match $group]',
    reason: LOGIN_FAILURES,
  },
  {
    collection: 'new_contacts',
    command: 'aggregate',
    shape: '{codeId: string, day: $range, tenantId: string} [$match $group]',
    reason: STATISTICS,
  },
  { collection: 'roles', command: 'find', shape: '{_id: $in, tenantId: string}', reason: ROLES },
  { collection: 'seat_claims', command: 'delete', shape: '{_id: $in, tenantId: string}', reason: SEATS },
  { collection: 'seat_claims', command: 'find', shape: '{seat: $range, tenantId: string}', reason: SEATS },
  { collection: 'sensitive_alerts', command: 'find', shape: '{_id: $in, tenantId: string}', reason: ID_IN },
  {
    collection: 'sensitive_rules',
    command: 'aggregate',
    shape: '{deletedAt: null, enabled: bool, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'sensitive_rules',
    command: 'aggregate',
    shape: '{deletedAt: null, name: regex, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'sensitive_rules',
    command: 'aggregate',
    shape: '{deletedAt: null, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'sensitive_rules',
    command: 'find',
    shape: '{deletedAt: null, enabled: bool, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'sensitive_rules',
    command: 'find',
    shape: '{deletedAt: null, name: regex, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'sensitive_rules',
    command: 'find',
    shape: '{deletedAt: null, name: string, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'sensitive_rules',
    command: 'find',
    shape: '{deletedAt: null, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, lastSeenAt: $range, tenantId: string, writeBack.status: $ne:string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{$or: [{mobile: regex} | {name: regex}], deletedAt: $exists, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{archiveEnabled: bool, deletedAt: $exists, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{deletedAt: $exists, departmentIds: $in, tenantId: string, userid: $in} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{deletedAt: $exists, departmentIds: $in, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{deletedAt: $exists, roleId: $in, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{deletedAt: $exists, roleId: $ne:string, systemEnabled: bool, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{deletedAt: $exists, roleId: string, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{deletedAt: $exists, tenantId: string, userid: $in} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{deletedAt: $exists, tenantId: string} [$match $group]',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'aggregate',
    shape: '{tenantId: string, userid: regex} [$match $group]',
    reason: 'test assertion only (test/integration/worker-crash.test.ts)',
  },
  {
    collection: 'staff',
    command: 'distinct',
    shape: '{name: regex, tenantId: string} distinct(userid)',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'distinct',
    shape: '{tenantId: string, userid: regex} distinct(userid)',
    reason: 'test assertion only (test/integration/worker-crash.test.ts)',
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{$or: [{mobile: regex} | {name: regex}], deletedAt: $exists, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{_id: $in, systemEnabled: bool, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{archiveEnabled: bool, deletedAt: $exists, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, departmentIds: $in, tenantId: string, userid: $in}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, departmentIds: $in, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, departmentIds: number, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, email: regex, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, mobile: string, tenantId: string, userid: $ne:string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, mobile: string, tenantId: string}',
    reason: STAFF,
  },
  { collection: 'staff', command: 'find', shape: '{deletedAt: $exists, mobile: string}', reason: STAFF },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, roleId: string, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, systemEnabled: bool, tenantId: string, userid: $in}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, systemEnabled: bool, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, tenantId: string, userid: $in}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, tenantId: string, userid: regex}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'find',
    shape: '{deletedAt: $exists, tenantId: string, userid: string}',
    reason: STAFF,
  },
  { collection: 'staff', command: 'find', shape: '{deletedAt: $exists, tenantId: string}', reason: STAFF },
  { collection: 'staff', command: 'find', shape: '{tenantId: string, userid: $in}', reason: STAFF },
  {
    collection: 'staff',
    command: 'find',
    shape: '{tenantId: string, writeBack.status: string}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'update',
    shape: '{archiveEnabled: bool, tenantId: string, userid: $nin}',
    reason: STAFF,
  },
  {
    collection: 'staff',
    command: 'update',
    shape: '{deletedAt: $exists, tenantId: string, userid: string}',
    reason: STAFF,
  },
  { collection: 'staff', command: 'update', shape: '{roleId: $exists, tenantId: string}', reason: STAFF },
  {
    collection: 'staff',
    command: 'update',
    shape: '{archiveEnabled: $ne:bool, tenantId: string, userid: $in}',
    reason: STAFF,
  },
  {
    collection: 'staff_codes',
    command: 'aggregate',
    shape:
      '{$or: [{creatorStaffId: string} | {memberUserids: $in}], deletedAt: $exists, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'staff_codes',
    command: 'aggregate',
    shape: '{deletedAt: $exists, kind: string, scene: $regex, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'staff_codes',
    command: 'aggregate',
    shape: '{deletedAt: $exists, status: string, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'staff_codes',
    command: 'aggregate',
    shape: '{deletedAt: $exists, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'staff_codes',
    command: 'find',
    shape: '{$or: [{creatorStaffId: string} | {memberUserids: $in}], deletedAt: $exists, tenantId: string}',
    reason: HAND_MADE,
  },
  { collection: 'staff_codes', command: 'find', shape: '{_id: $in, tenantId: string}', reason: HAND_MADE },
  {
    collection: 'staff_codes',
    command: 'find',
    shape: '{deletedAt: $exists, kind: string, scene: $regex, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'staff_codes',
    command: 'find',
    shape: '{deletedAt: $exists, memberUserids: $in, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'staff_codes',
    command: 'find',
    shape: '{deletedAt: $exists, status: string, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'staff_codes',
    command: 'find',
    shape: '{deletedAt: $exists, tenantId: string}',
    reason: HAND_MADE,
  },
  {
    collection: 'staff_sightings',
    command: 'find',
    shape: '{seenAt: $range, tenantId: string}',
    reason: STAFF,
  },
  {
    collection: 'sync_runs',
    command: 'find',
    shape: '{kind: string, startedAt: $range, status: string, tenantId: string}',
    reason: SYNC_RUNS,
  },
  {
    collection: 'udesk_integrations',
    command: 'find',
    shape: '{}',
    reason:
      'bounded by the installation: `npm run rotate-secrets` reads every Udesk integration (one per tenant at most)',
  },
  { collection: 'tenants', command: 'aggregate', shape: '{} [$match $group]', reason: TENANTS },
  {
    collection: 'tenants',
    command: 'find',
    shape: '{_id: $ne:string, wecom.corpId: string}',
    reason: TENANT_BY_CORP,
  },
  { collection: 'tenants', command: 'find', shape: '{wecom.archiveSecret: $exists}', reason: TENANTS },
  { collection: 'tenants', command: 'find', shape: '{wecom.corpId: string}', reason: TENANT_BY_CORP },
  { collection: 'tenants', command: 'find', shape: '{}', reason: TENANTS },
  {
    collection: 'wecom_call_stats',
    command: 'aggregate',
    shape: '{minute: $range, tenantId: string} [$match $group]',
    reason: CALL_STATS,
  },
  { collection: 'wecom_call_stats', command: 'delete', shape: '{minute: $range}', reason: CALL_STATS },
  {
    collection: 'sopMedia.files',
    command: 'find',
    shape: '{_id: $in, metadata.tenantId: string}',
    reason: FILES,
  },
  {
    collection: 'welcomeImages.files',
    command: 'find',
    shape: '{_id: $in, metadata.tenantId: string}',
    reason: FILES,
  },
  {
    collection: 'welcome_messages',
    command: 'aggregate',
    shape: '{deletedAt: $exists, kind: string, tenantId: string} [$match $group]',
    reason: HAND_MADE,
  },
  {
    collection: 'welcome_messages',
    command: 'find',
    shape: '{deletedAt: $exists, kind: string, tenantId: string}',
    reason: HAND_MADE,
  },
];
