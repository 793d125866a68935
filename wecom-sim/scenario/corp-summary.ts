/** How the scenario API shows a corp: everything, secrets included — it is a local test tool. */
import { departmentView, memberView } from '../contacts/contact-views';
import type { Corp } from '../state/corp';
import type { SimState } from '../state/sim-state';

export function corpIdentityView(corp: Corp) {
  const { corpId, name, appAgentId, secrets } = corp.identity;
  return { corpId, name, appAgentId, secrets: { ...secrets } };
}

export function corpSummaryView(state: SimState, corp: Corp) {
  const directory = corp.contacts;
  const deliveries = corp.callbacks.deliveries.list();
  return {
    ...corpIdentityView(corp),
    contactsPermission: corp.contactsReadOnly ? 'read-only' : 'read-write',
    callbacks: { contacts: corp.callbacks.contacts ?? null },
    departments: directory.departments.subtree().map((department) => departmentView(directory, department)),
    users: directory.members.all().map((member) => memberView(member, { sensitive: true })),
    tokens: state.tokens.liveGrants(corp.corpId).map((grant) => ({
      kind: grant.kind,
      expiresAt: new Date(grant.expiresAtMs).toISOString(),
    })),
    deliveries: {
      total: deliveries.length,
      delivered: deliveries.filter((delivery) => delivery.status === 'delivered').length,
      failed: deliveries.filter((delivery) => delivery.status === 'failed').length,
      pending: deliveries.filter((delivery) => delivery.status === 'pending').length,
    },
  };
}
