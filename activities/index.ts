import type { Client } from '@temporalio/client';
import { wakeOrgWriteBack } from '../lib/org/wake-org-write-back';
import type { WeComClient } from '../lib/wecom/client';
import type { ContactsApi } from '../lib/wecom/contacts-api';
import { createCustomerTagsApi } from '../lib/wecom/customer-tags-api';
import { createContactReminderActivities } from './contact-reminder.activities';
import { createContactEventActivities } from './contact-events.activities';
import { createCustomerTaggingActivities } from './customer-tagging.activities';
import { createOrgSyncActivities } from './org-sync.activities';
import { createOrgWriteBackActivities } from './org-write-back.activities';
import {
  loadArchiveAccess,
  loadContactsCredentials,
  loadExternalContactCredentials,
} from './tenant-credentials';
import { createCorpTagWriteActivities } from './corp-tag-writes.activities';
import type { CorpTagsApi } from '../lib/wecom/corp-tags-api';
import type { CustomersApi } from '../lib/wecom/customers-api';
import { createCustomerEventActivities } from './customer-events.activities';
import { createCustomerSyncActivities } from './customer-sync.activities';
import { createTenantValidityActivities } from './tenant-validity.activities';
import { createArchiveIngestActivities, type ArchiveIngestDeps } from './archive-ingest.activities';
import { createSensitiveReviewActivities } from './sensitive-review.activities';
import { startAlertReviews } from '../lib/sensitive/start-alert-reviews';

export interface ActivityDeps {
  contacts: ContactsApi;
  corpTags: CorpTagsApi;
  customers: CustomersApi;
  /** For activities that steer other workflows and schedules (pausing an expired tenant's syncs). */
  temporal: Client;
  /** The queue the worker polls, for workflows those activities start. */
  taskQueue: string;
  /** For app messages (提醒事项) and other calls with the app secret. */
  wecom: WeComClient;
  publicUrl: string;
  /** The chat archive: the Finance SDK (or why there is none) and the Elasticsearch chat index. */
  archive: Omit<ArchiveIngestDeps, 'loadArchiveAccess' | 'startAlertReviews'>;
}

/** Every activity the worker registers, built from the real clients it is given. */
export function createActivities(deps: ActivityDeps) {
  const shared = { contacts: deps.contacts, credentials: loadContactsCredentials };
  const startReviews = (tenantId: string, alertIds: readonly string[]) =>
    startAlertReviews(deps.temporal, deps.taskQueue, tenantId, alertIds);
  const customerSide = { customers: deps.customers, credentials: loadExternalContactCredentials };
  return {
    ...createOrgSyncActivities({
      ...shared,
      wakeWriteBack: (tenantId) => wakeOrgWriteBack(deps.temporal, deps.taskQueue, tenantId),
    }),
    ...createContactEventActivities(shared),
    ...createOrgWriteBackActivities(shared),
    ...createCustomerSyncActivities(customerSide),
    ...createCustomerEventActivities({ ...customerSide, startAlertReviews: startReviews }),
    ...createTenantValidityActivities({ temporal: deps.temporal }),
    ...createCorpTagWriteActivities({ corpTags: deps.corpTags, credentials: loadExternalContactCredentials }),
    ...createCustomerTaggingActivities({ customerTags: createCustomerTagsApi(deps.wecom) }),
    ...createContactReminderActivities({ wecom: deps.wecom, publicUrl: deps.publicUrl }),
    ...createArchiveIngestActivities({ ...deps.archive, loadArchiveAccess, startAlertReviews: startReviews }),
    ...createSensitiveReviewActivities({ wecom: deps.wecom, publicUrl: deps.publicUrl }),
  };
}
