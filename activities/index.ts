import type { Client } from '@temporalio/client';
import type { ContactsApi } from '../lib/wecom/contacts-api';
import type { CustomerTagsApi } from '../lib/wecom/customer-tags-api';
import { createContactEventActivities } from './contact-events.activities';
import { createCustomerTaggingActivities } from './customer-tagging.activities';
import { createOrgSyncActivities } from './org-sync.activities';
import { createOrgWriteBackActivities } from './org-write-back.activities';
import { loadContactsCredentials } from './tenant-credentials';
import { createTenantValidityActivities } from './tenant-validity.activities';

export interface ActivityDeps {
  contacts: ContactsApi;
  customerTags: CustomerTagsApi;
  /** For activities that steer other workflows and schedules (pausing an expired tenant's syncs). */
  temporal: Client;
}

/** Every activity the worker registers, built from the real clients it is given. */
export function createActivities(deps: ActivityDeps) {
  const shared = { contacts: deps.contacts, credentials: loadContactsCredentials };
  return {
    ...createOrgSyncActivities(shared),
    ...createContactEventActivities(shared),
    ...createOrgWriteBackActivities(shared),
    ...createTenantValidityActivities({ temporal: deps.temporal }),
    ...createCustomerTaggingActivities({ customerTags: deps.customerTags }),
  };
}
