/**
 * /cgi-bin/message/send (API.md §11): an app message to members, kept in the corp's AppMessageLog so tests can
 * read what a member received. Unknown recipients are reported back, and only when every one is unknown is
 * the call refused (81013).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { memberStatus } from '../contacts/member-roster';
import type { Corp } from '../state/corp';
import { WecomError } from '../wecom-error';
import type { WecomEndpointSpec } from './wecom-endpoint';

const TOUSER_MAX = 1000;
const TOPARTY_MAX = 100;
const TEXT_MAX_BYTES = 2048;
/** duplicate_check_interval: 1800 s unless given, at most 4 hours. */
const DUPLICATE_CHECK_DEFAULT_S = 1800;
const DUPLICATE_CHECK_MAX_S = 4 * 3600;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const sendSchema = z
  .object({
    touser: z.string().optional(),
    toparty: z.string().optional(),
    totag: z.string().optional(),
    msgtype: z.string(),
    agentid: z.number().int(),
    safe: z.union([z.literal(0), z.literal(1)]).optional(),
    enable_id_trans: z.union([z.literal(0), z.literal(1)]).optional(),
    enable_duplicate_check: z.union([z.literal(0), z.literal(1)]).optional(),
    duplicate_check_interval: z.number().int().optional(),
  })
  .loose();

/** Per message type, the content object and its documented limits. */
const CONTENT_SCHEMAS: Record<string, z.ZodType> = {
  text: z.object({
    content: z
      .string()
      .min(1)
      .refine((t) => utf8Bytes(t) <= TEXT_MAX_BYTES, 'content ≤ 2048 bytes'),
  }),
  markdown: z.object({
    content: z
      .string()
      .min(1)
      .refine((t) => utf8Bytes(t) <= TEXT_MAX_BYTES, 'content ≤ 2048 bytes'),
  }),
  textcard: z.object({
    title: z
      .string()
      .min(1)
      .refine((t) => utf8Bytes(t) <= 128, 'title ≤ 128 bytes'),
    description: z
      .string()
      .min(1)
      .refine((t) => utf8Bytes(t) <= 512, 'description ≤ 512 bytes'),
    url: z.string().min(1),
    btntxt: z.string().optional(),
  }),
  template_card: z.object({ card_type: z.string() }).loose(),
};

function splitIds(list: string | undefined): string[] {
  return (list ?? '')
    .split('|')
    .map((id) => id.trim())
    .filter(Boolean);
}

function recipients(corp: Corp, touser: string[], toparty: string[]) {
  const activeMembers = corp.contacts.members.all().filter((member) => memberStatus(member) !== 2);
  const known = new Map(activeMembers.map((member) => [member.userid.toLowerCase(), member]));
  const users = new Set<string>();
  // Each unknown userid listed once, lower-cased, however often and in whatever case it was sent.
  const invalidUsers = new Set<string>();
  if (touser.includes('@all')) for (const id of known.keys()) users.add(id);
  else
    for (const id of touser) {
      if (known.has(id.toLowerCase())) users.add(id.toLowerCase());
      else invalidUsers.add(id.toLowerCase());
    }
  const invalidParties: string[] = [];
  const parties: string[] = [];
  for (const party of toparty) {
    const id = Number(party);
    const exists = Number.isInteger(id) && corp.contacts.departments.has(id);
    if (!exists) {
      invalidParties.push(party);
      continue;
    }
    parties.push(party);
    for (const member of corp.contacts.membersOf(id, true)) users.add(member.userid.toLowerCase());
  }
  return { users: [...users], parties, invalidUsers: [...invalidUsers], invalidParties };
}

export const messageEndpoints: Record<string, WecomEndpointSpec> = {
  '/message/send': {
    allowed: ['app'],
    handle: ({ corp, body }) => {
      const request = body(sendSchema);
      if (request.agentid !== corp.identity.appAgentId)
        throw new WecomError(40056, `agentid ${request.agentid}`);
      const contentSchema = CONTENT_SCHEMAS[request.msgtype];
      if (!contentSchema) throw new WecomError(40058, `msgtype ${request.msgtype} is not supported here`);
      const content = contentSchema.safeParse((request as Record<string, unknown>)[request.msgtype]);
      if (!content.success) {
        const issue = content.error.issues[0];
        throw new WecomError(40058, `${request.msgtype}.${issue.path.join('.')}: ${issue.message}`);
      }
      const touser = splitIds(request.touser);
      const toparty = splitIds(request.toparty);
      const totag = splitIds(request.totag);
      if (touser.length > TOUSER_MAX)
        throw new WecomError(40058, `touser holds at most ${TOUSER_MAX} userids`);
      if (toparty.length > TOPARTY_MAX)
        throw new WecomError(40058, `toparty holds at most ${TOPARTY_MAX} ids`);
      const to = recipients(corp, touser, toparty);
      // Member tags are not simulated, so every totag entry is unknown.
      if (to.users.length === 0) throw new WecomError(81013);
      const msgid = randomBytes(16).toString('base64url');
      const message = {
        agentid: request.agentid,
        msgtype: request.msgtype,
        content: content.data as Record<string, unknown>,
      };
      // With the duplicate check on, a member who got the same message within the interval does not get it
      // again (the call still succeeds): a sender retrying after a lost answer reaches no one twice.
      const interval = Math.min(
        request.duplicate_check_interval ?? DUPLICATE_CHECK_DEFAULT_S,
        DUPLICATE_CHECK_MAX_S,
      );
      const deliverTo =
        request.enable_duplicate_check === 1
          ? corp.appMessages.notReceivedSince(to.users, message, Date.now() - interval * 1000)
          : to.users;
      if (deliverTo.length > 0 || to.parties.length > 0) {
        corp.appMessages.record({
          msgid,
          ...message,
          touser: deliverTo,
          toparty: to.parties,
          sentAt: Date.now(),
        });
      }
      return {
        invaliduser: to.invalidUsers.join('|'),
        invalidparty: to.invalidParties.join('|'),
        invalidtag: totag.join('|'),
        // Account licences (接口许可) are not simulated: every member may receive the app's messages.
        unlicenseduser: '',
        msgid,
      };
    },
  },
};
