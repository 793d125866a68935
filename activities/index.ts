import type { Client } from '@temporalio/client';
import type { ContactsApi } from '../lib/wecom/contacts-api';
import type { CustomersApi } from '../lib/wecom/customers-api';
import { createContactEventActivities } from './contact-events.activities';
import { createCustomerEventActivities } from './customer-events.activities';
import { createCustomerSyncActivities } from './customer-sync.activities';
import { createOrgSyncActivities } from './org-sync.activities';
import { createOrgWriteBackActivities } from './org-write-back.activities';
import { loadContactsCredentials, loadExternalContactCredentials } from './tenant-credentials';
import { createTenantValidityActivities } from './tenant-validity.activities';

export interface ActivityDeps {
  contacts: ContactsApi;
  customers: CustomersApi;
  /** For activities that steer other workflows and schedules (pausing an expired tenant's syncs). */
  temporal: Client;
}

/** Every activity the worker registers, built from the real clients it is given. */
export function createActivities(deps: ActivityDeps) {
  const shared = { contacts: deps.contacts, credentials: loadContactsCredentials };
  const customerSide = { customers: deps.customers, credentials: loadExternalContactCredentials };
  return {
    ...createOrgSyncActivities(shared),
    ...createContactEventActivities(shared),
    ...createOrgWriteBackActivities(shared),
    ...createCustomerSyncActivities(customerSide),
    ...createCustomerEventActivities(customerSide),
    ...createTenantValidityActivities({ temporal: deps.temporal }),
  };
}
