import type { Client } from '@temporalio/client';
import { wakeOrgWriteBack } from '../lib/org/wake-org-write-back';
import { wakeCorpTagWriter } from '../lib/tags/wake-corp-tag-writer';
import type { WeComClient } from '../lib/wecom/client';
import type { ContactsApi } from '../lib/wecom/contacts-api';
import { createContactReminderActivities } from './contact-reminder.activities';
import { createContactEventActivities } from './contact-events.activities';
import { createCustomerTaggingActivities } from './customer-tagging.activities';
import { createOrgSyncActivities } from './org-sync.activities';
import { createOrgWriteBackActivities } from './org-write-back.activities';
import {
  loadAppMessageSender,
  loadArchiveAccess,
  loadContactsCredentials,
  loadExternalContactCredentials,
} from './tenant-credentials';
import { createCorpTagWriteActivities } from './corp-tag-writes.activities';
import type { CorpTagsApi } from '../lib/wecom/corp-tags-api';
import type { CustomersApi } from '../lib/wecom/customers-api';
import { createCustomerEventActivities } from './customer-events.activities';
import { createCustomerSyncActivities } from './customer-sync.activities';
import { createSyncRunActivities } from './sync-runs.activities';
import { createTenantValidityActivities } from './tenant-validity.activities';
import { createArchiveIngestActivities, type ArchiveIngestDeps } from './archive-ingest.activities';
import { createArchiveConsentActivities } from './archive-consent.activities';
import { createMsgauditApi } from '../lib/wecom/msgaudit-api';
import type { CustomerIndexer } from '../lib/search/customer-indexer';
import type { CustomerSearch } from '../lib/search/customer-search-context';
import type { ListSearch } from '../lib/search/list-read-model';
import { createListSearchActivities } from './list-search.activities';
import { createMassSendActivities } from './mass-send.activities';
import { createMassSendApi } from '../lib/wecom/mass-send-api';
import { createHandoverActivities } from './handover.activities';
import { createTransferApi } from '../lib/wecom/transfer-api';
import { createChatSearchRebuildActivities } from './chat-search-rebuild.activities';
import { createContactWayApi } from '../lib/wecom/contact-way-api';
import { createWelcomeApi } from '../lib/wecom/welcome-api';
import { createMediaApi } from '../lib/wecom/media-api';
import { createMessageApi } from '../lib/wecom/message-api';
import { createStaffCodeSyncActivities } from './staff-code-sync.activities';
import { createNewContactWelcomeActivities } from './new-contact-welcome.activities';
import { createGroupWelcomeActivities } from './group-welcome.activities';
import { startNewContactWelcome } from '../lib/acquisition/start-new-contact-welcome';
import { log as activityLog } from '@temporalio/activity';
import { createGroupCodeActivities } from './group-code.activities';
import { createSensitiveReviewActivities } from './sensitive-review.activities';
import type { RaisedAlert } from '../lib/sensitive/insert-alerts-once';
import { startAlertReviews } from '../lib/sensitive/start-alert-reviews';
import { startLossDigests } from '../lib/customer-losses/start-loss-digests';
import { pollHandoverNow } from '../lib/handovers/poll-handover-now';
import { createCustomerLossDigestActivities } from './customer-loss-digest.activities';
import { createSopPlanActivities } from './sop-plan.activities';
import { createAnalyticsRollupActivities } from './analytics-rollup.activities';
import { createStatisticsApi } from '../lib/wecom/statistics-api';

export interface ActivityDeps {
  contacts: ContactsApi;
  corpTags: CorpTagsApi;
  customers: CustomersApi;
  /** For activities that steer other workflows and schedules (pausing an expired tenant's syncs). */
  temporal: Client;
  /** The queue the worker polls, for workflows those activities start. */
  taskQueue: string;
  /** The WeCom client the typed API modules (app messages, media, welcome…) are built on. */
  wecom: WeComClient;
  publicUrl: string;
  /** The chat archive: the Finance SDK (or why there is none) and the Elasticsearch chat index. */
  archive: Omit<
    ArchiveIngestDeps,
    'loadArchiveAccess' | 'startAlertReviews' | 'customerIndexer' | 'listSearch'
  >;
  /** The customer search index (Elasticsearch) and where its workflows run. */
  search: CustomerSearch;
  /** Every customer write goes through it, so the search index follows. */
  customerIndexer: CustomerIndexer;
  /** The 客户群 and 敏感行为审核 read models (Elasticsearch) and where their workflows run. */
  listSearch: ListSearch;
  /** 流失提醒's digest window (config lossDigestWindowMs). */
  lossDigestWindowMs?: number;
}

/** Every activity the worker registers, built from the real clients it is given. */
export function createActivities(deps: ActivityDeps) {
  const shared = { contacts: deps.contacts, credentials: loadContactsCredentials };
  const startReviews = (tenantId: string, alerts: readonly RaisedAlert[]) =>
    startAlertReviews(deps.temporal, deps.taskQueue, tenantId, alerts);
  const appMessages = {
    messages: createMessageApi(deps.wecom),
    appSender: loadAppMessageSender,
    publicUrl: deps.publicUrl,
  };
  const customerSide = {
    customers: deps.customers,
    corpTags: deps.corpTags,
    credentials: loadExternalContactCredentials,
    customerIndexer: deps.customerIndexer,
  };
  return {
    ...createOrgSyncActivities({
      ...shared,
      wakeWriteBack: (tenantId) => wakeOrgWriteBack(deps.temporal, deps.taskQueue, tenantId),
    }),
    ...createContactEventActivities(shared),
    ...createOrgWriteBackActivities(shared),
    ...createCustomerSyncActivities({
      ...customerSide,
      wakeCorpTagWriter: (tenantId) => wakeCorpTagWriter(deps.temporal, deps.taskQueue, tenantId),
      listSearch: deps.listSearch,
    }),
    ...createSyncRunActivities(),
    ...createCustomerEventActivities({
      ...customerSide,
      startAlertReviews: startReviews,
      listSearch: deps.listSearch,
      startLossDigests: (tenantId, loss) => startLossDigests(deps.temporal, deps.taskQueue, tenantId, loss),
      pollHandoverNow: (tenantId, handoverId) => pollHandoverNow(deps.temporal, tenantId, handoverId),
      ...(deps.lossDigestWindowMs ? { lossDigestWindowMs: deps.lossDigestWindowMs } : {}),
      onCustomerAdded: (tenantId, inboxKey, envelope) =>
        startNewContactWelcome(
          {
            temporal: deps.temporal,
            taskQueue: deps.taskQueue,
            log: { error: (details, message) => activityLog.error(message, { ...details }) },
          },
          tenantId,
          inboxKey,
          envelope,
        ),
    }),
    ...createTenantValidityActivities({ temporal: deps.temporal }),
    ...createCorpTagWriteActivities({
      corpTags: deps.corpTags,
      credentials: loadExternalContactCredentials,
      customerIndexer: deps.customerIndexer,
    }),
    ...createCustomerTaggingActivities({ corpTags: deps.corpTags }),
    ...createContactReminderActivities(appMessages),
    ...createCustomerLossDigestActivities(appMessages),
    ...createArchiveIngestActivities({
      ...deps.archive,
      customerIndexer: deps.customerIndexer,
      loadArchiveAccess,
      startAlertReviews: startReviews,
      listSearch: deps.listSearch,
    }),
    ...createArchiveConsentActivities({ msgaudit: createMsgauditApi(deps.wecom), loadArchiveAccess }),
    ...createListSearchActivities({ search: deps.listSearch }),
    ...createMassSendActivities({
      massSend: createMassSendApi(deps.wecom),
      credentials: loadExternalContactCredentials,
      listSearch: deps.listSearch,
    }),
    ...createHandoverActivities({
      transfers: createTransferApi(deps.wecom),
      customers: deps.customers,
      credentials: loadExternalContactCredentials,
      customerIndexer: deps.customerIndexer,
      listSearch: deps.listSearch,
    }),
    ...createChatSearchRebuildActivities({ es: deps.archive.es }),
    ...createStaffCodeSyncActivities({
      contactWays: createContactWayApi(deps.wecom),
      credentials: loadExternalContactCredentials,
    }),
    ...createNewContactWelcomeActivities({
      welcome: createWelcomeApi(deps.wecom),
      media: createMediaApi(deps.wecom),
      customers: deps.customers,
      corpTags: deps.corpTags,
      credentials: loadExternalContactCredentials,
      customerIndexer: deps.customerIndexer,
      publicUrl: deps.publicUrl,
    }),
    ...createGroupWelcomeActivities({
      ...appMessages,
      welcome: createWelcomeApi(deps.wecom),
      media: createMediaApi(deps.wecom),
      credentials: loadExternalContactCredentials,
    }),
    ...createGroupCodeActivities(appMessages),
    ...createSensitiveReviewActivities({ ...appMessages, listSearch: deps.listSearch }),
    ...createSopPlanActivities({ ...appMessages, listSearch: deps.listSearch }),
    ...createAnalyticsRollupActivities({
      listSearch: deps.listSearch,
      statistics: createStatisticsApi(deps.wecom),
      credentials: loadExternalContactCredentials,
    }),
  };
}
