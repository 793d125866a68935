import type { UndeliveredReason } from '../contracts/app-message.contract';
import { loadBinding, WeComNotBoundError } from './binding-store';
import type { WeComClient, WeComCredentials } from './client';
import { WeComApiError } from './errors';

/**
 * App messages (应用消息, `message/send`, API.md §11): the one way the product tells members something
 * through the tenant's self-built app — reminders, alert notices, 群活码 alerts, the group-owner notice.
 */

/** What sends as the tenant's app: the app secret's credentials and the agentid the messages carry. */
export interface AppSender {
  credentials: WeComCredentials;
  agentId: number;
}

/** The message types the product sends (API.md §11 lists their limits). */
export type AppMessage =
  | { msgtype: 'text'; text: { content: string } }
  | {
      msgtype: 'textcard';
      textcard: { title: string; description: string; url: string; btntxt?: string };
    };

export interface UndeliveredRecipient {
  /** As the product sent it (WeCom answers it lower-cased). */
  userid: string;
  reason: UndeliveredReason;
}

/** WeCom's answer to one send, as far as it concerns members (the product never sends to parties or tags). */
export interface AppMessageReceipt {
  undelivered: UndeliveredRecipient[];
}

/** WeCom's own limit on touser per message/send. */
const RECIPIENTS_PER_MESSAGE = 1000;
/** Every recipient invalid: WeCom refuses the whole send instead of listing them (API.md §11). */
const ALL_RECIPIENTS_INVALID = 81013;

interface SendAnswer {
  invaliduser?: string;
  unlicenseduser?: string;
}

/**
 * The tenant's app, or WeComNotBoundError when its secret or agentid is not bound yet (the binding page
 * asks for both; messages cannot go without either).
 */
export async function loadAppSender(tenantId: string): Promise<AppSender> {
  const binding = await loadBinding(tenantId);
  const secret = binding?.secrets.app;
  if (!binding || !secret) throw new WeComNotBoundError(`tenant ${tenantId} has no app secret bound`);
  if (!binding.agentId) throw new WeComNotBoundError(`tenant ${tenantId} has no agentid bound`);
  return {
    credentials: { tenantId, corpId: binding.corpId, secretKind: 'app', secret },
    agentId: binding.agentId,
  };
}

/**
 * The recipients WeCom names in its answer, under the userid the product sent (WeCom lower-cases userids,
 * while the product keeps a member's casing). A member named under both is reported once, as invalid.
 */
export function undeliveredRecipients(touser: readonly string[], answer: SendAnswer): UndeliveredRecipient[] {
  const listed = (field: string | undefined) =>
    new Set(
      (field ?? '')
        .split('|')
        .map((id) => id.trim().toLowerCase())
        .filter(Boolean),
    );
  const invalid = listed(answer.invaliduser);
  const unlicensed = listed(answer.unlicenseduser);
  const undelivered: UndeliveredRecipient[] = [];
  for (const userid of new Set(touser)) {
    const key = userid.toLowerCase();
    if (invalid.has(key)) undelivered.push({ userid, reason: 'invaliduser' });
    else if (unlicensed.has(key)) undelivered.push({ userid, reason: 'unlicenseduser' });
  }
  return undelivered;
}

export function createMessageApi(client: WeComClient) {
  return {
    /**
     * Sends one message to members, in batches of WeCom's 1,000 recipients, and answers who did not get
     * it. Duplicate checking is on, so a retried activity whose first send reached WeCom does not send
     * it twice. A batch WeCom refuses because none of its members exists (81013) is reported as undelivered
     * to all of them, not thrown: nobody can fix it by retrying.
     */
    async sendToMembers(
      sender: AppSender,
      touser: readonly string[],
      message: AppMessage,
    ): Promise<AppMessageReceipt> {
      const recipients = [...new Set(touser)];
      const undelivered: UndeliveredRecipient[] = [];
      for (let start = 0; start < recipients.length; start += RECIPIENTS_PER_MESSAGE) {
        const batch = recipients.slice(start, start + RECIPIENTS_PER_MESSAGE);
        try {
          const answer = await client.call<SendAnswer>(sender.credentials, {
            method: 'POST',
            path: '/message/send',
            body: {
              touser: batch.join('|'),
              agentid: sender.agentId,
              ...message,
              enable_duplicate_check: 1,
              duplicate_check_interval: 1800,
            },
          });
          undelivered.push(...undeliveredRecipients(batch, answer));
        } catch (error) {
          if (!(error instanceof WeComApiError && error.errcode === ALL_RECIPIENTS_INVALID)) throw error;
          undelivered.push(...batch.map((userid) => ({ userid, reason: 'invaliduser' as const })));
        }
      }
      return { undelivered };
    },
  };
}

export type MessageApi = ReturnType<typeof createMessageApi>;
