/**
 * Which secrets may call the contacts APIs (API.md §4): only the contact-sync secret writes; apps read within
 * their visibility (the simulator makes every app see the whole corp); the chat-archive secret has no contacts
 * access at all.
 */
import type { SecretKind } from '../state/secret-kinds';

export const CONTACT_WRITERS: readonly SecretKind[] = ['contacts'];
export const CONTACT_READERS: readonly SecretKind[] = ['contacts', 'externalContact', 'app'];
/** user/list_id is documented as contact-sync only. */
export const CONTACT_SYNC_ONLY: readonly SecretKind[] = ['contacts'];

/** Mobile, email, gender, avatar… reach only the contact-sync secret (apps created after 2022-06-20 lost them). */
export function seesSensitiveMemberFields(kind: SecretKind): boolean {
  return kind === 'contacts';
}
