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
import { loadContactsCredentials, loadExternalContactCredentials } from './tenant-credentials';
import { createCorpTagWriteActivities } from './corp-tag-writes.activities';
import type { CorpTagsApi } from '../lib/wecom/corp-tags-api';
import type { CustomersApi } from '../lib/wecom/customers-api';
import { createCustomerEventActivities } from './customer-events.activities';
import { createCustomerSyncActivities } from './customer-sync.activities';
import { createTenantValidityActivities } from './tenant-validity.activities';

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
}

/** Every activity the worker registers, built from the real clients it is given. */
export function createActivities(deps: ActivityDeps) {
  const shared = { contacts: deps.contacts, credentials: loadContactsCredentials };
  const customerSide = {
    customers: deps.customers,
    corpTags: deps.corpTags,
    credentials: loadExternalContactCredentials,
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
    }),
    ...createCustomerEventActivities(customerSide),
    ...createTenantValidityActivities({ temporal: deps.temporal }),
    ...createCorpTagWriteActivities({ corpTags: deps.corpTags, credentials: loadExternalContactCredentials }),
    ...createCustomerTaggingActivities({ corpTags: deps.corpTags }),
    ...createContactReminderActivities({ wecom: deps.wecom, publicUrl: deps.publicUrl }),
  };
}
