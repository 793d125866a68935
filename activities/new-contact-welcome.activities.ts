import type { CustomerIndexer } from '../lib/search/customer-indexer';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { z } from 'zod';
import { welcomeBody, type StoredWelcome } from '../lib/acquisition/welcome-content';
import { welcomeMediaFor } from '../lib/acquisition/welcome-media';
import type { WelcomeAttachment } from '../lib/contracts/welcome-messages.contract';
import { rewriteCustomers } from '../lib/customers/customer-writes';
import { CallbackInboxModel } from '../lib/models/callback-inbox.model';
import { NewContactModel } from '../lib/models/new-contact.model';
import { StaffCodeModel } from '../lib/models/staff-code.model';
import { WelcomeMessageModel } from '../lib/models/welcome-message.model';
import { businessDay } from '../lib/org/manual-sync-quota';
import { parseCallbackXml } from '../lib/wecom/callback-event';
import type { CorpTagsApi } from '../lib/wecom/corp-tags-api';
import type { CustomersApi } from '../lib/wecom/customers-api';
import { WeComApiError } from '../lib/wecom/errors';
import type { MediaApi } from '../lib/wecom/media-api';
import type { WelcomeApi } from '../lib/wecom/welcome-api';
import type { CredentialsLoader } from './tenant-credentials';

export interface NewContactWelcomeDeps {
  welcome: WelcomeApi;
  media: MediaApi;
  customers: CustomersApi;
  corpTags: CorpTagsApi;
  credentials: CredentialsLoader;
  /** Every customer write goes through it, so the search index follows (lib/search/customer-indexer.ts). */
  customerIndexer: CustomerIndexer;
  /** The product's public address: WeCom fetches welcome images from it. */
  publicUrl: string;
}

export interface NewContactRef {
  tenantId: string;
  inboxKey: string;
}

/** What the workflow needs to plan the steps; the content itself is read again by the step that sends it. */
export interface NewContactPlan {
  welcome: boolean;
  /** Epoch ms by which send_welcome_msg must have gone out: 20 s after WeCom sent the event (API.md §7.1). */
  welcomeDeadline: number;
  tagging: boolean;
}

const WELCOME_WINDOW_MS = 20_000;
/** WeCom: "welcome msg is being distributed" (several apps at once) — not delivered yet, try again. */
const WELCOME_BEING_DISTRIBUTED = 41096;
/** WeCom: the welcome was delivered (or the chat started) — what a retry after a lost answer sees. */
const WELCOME_ALREADY_SENT = 41051;

const addEventSchema = z.looseObject({
  Event: z.literal('change_external_contact'),
  ChangeType: z.enum(['add_external_contact', 'add_half_external_contact']),
  CreateTime: z.coerce.number(),
  UserID: z.string().min(1),
  ExternalUserID: z.string().min(1),
  State: z.string().optional(),
  WelcomeCode: z.string().optional(),
});

const OBJECT_ID = /^[0-9a-f]{24}$/;

type WelcomeOutcome = { status: 'sent' } | { status: 'failed' | 'skipped'; errcode?: number; errmsg: string };

/**
 * A customer added a member (add_external_contact with State and WelcomeCode, API.md §14.2): record which
 * 员工活码 they came through, send that code's 欢迎语 or the default one within WeCom's 20 seconds (R-2.2.2-11,
 * R-2.3.1-02), and put the code's tags on the relation (R-2.2.2-09). Each step records its outcome on the
 * new_contacts row, so the admin shows what happened (WeCom's errcode when it refused).
 */
export function createNewContactWelcomeActivities(deps: NewContactWelcomeDeps) {
  async function readAddEvent(tenantId: string, inboxKey: string) {
    const row = await CallbackInboxModel.findOne(
      { tenantId, key: inboxKey },
      { xml: 1, receivedAt: 1 },
    ).lean();
    if (!row) throw ApplicationFailure.nonRetryable(`inbox row ${inboxKey} not found`, 'InboxRowMissing');
    const parsed = addEventSchema.safeParse(parseCallbackXml(row.xml));
    if (!parsed.success)
      throw ApplicationFailure.nonRetryable(`inbox row ${inboxKey} is no add event`, 'NotAnAddEvent');
    return { event: parsed.data, receivedAt: row.receivedAt };
  }

  async function codeOf(tenantId: string, state: string | undefined) {
    if (!state || !OBJECT_ID.test(state)) return null;
    return StaffCodeModel.findOne(
      { tenantId, _id: state, deletedAt: { $exists: false } },
      { welcomeText: 1, tagIds: 1 },
    ).lean();
  }

  async function welcomeFor(tenantId: string, codeId: string | undefined): Promise<StoredWelcome | null> {
    const code = codeId
      ? await StaffCodeModel.findOne({ tenantId, _id: codeId }, { welcomeText: 1 }).lean()
      : null;
    if (code?.welcomeText) return { text: code.welcomeText };
    const fallback = await WelcomeMessageModel.findOne(
      { tenantId, kind: 'default', deletedAt: { $exists: false } },
      { text: 1, attachment: 1 },
    )
      .sort({ updatedAt: -1 })
      .lean();
    return fallback
      ? { text: fallback.text ?? '', attachment: (fallback.attachment as WelcomeAttachment | null) ?? null }
      : null;
  }

  async function recordWelcome(tenantId: string, inboxKey: string, outcome: WelcomeOutcome): Promise<void> {
    await NewContactModel.updateOne(
      { tenantId, inboxKey, 'welcome.status': 'pending' },
      {
        $set: {
          'welcome.status': outcome.status,
          'welcome.at': new Date(),
          ...(outcome.status !== 'sent'
            ? {
                'welcome.errmsg': outcome.errmsg,
                ...(outcome.errcode ? { 'welcome.errcode': outcome.errcode } : {}),
              }
            : {}),
        },
      },
    );
  }

  return {
    /** Records the add (once per inbox key) and says which steps follow. */
    async prepareNewContact({ tenantId, inboxKey }: NewContactRef): Promise<NewContactPlan> {
      const { event, receivedAt } = await readAddEvent(tenantId, inboxKey);
      const code = await codeOf(tenantId, event.State);
      const welcome = await welcomeFor(tenantId, code ? String(code._id) : undefined);
      const source = code?.welcomeText ? 'code' : welcome ? 'default' : 'none';
      const addedAt = new Date(event.CreateTime * 1000);
      const tagIds = code?.tagIds ?? [];
      await NewContactModel.updateOne(
        { tenantId, inboxKey },
        {
          $setOnInsert: {
            userid: event.UserID,
            externalUserid: event.ExternalUserID,
            state: event.State ?? '',
            ...(code ? { codeId: String(code._id) } : {}),
            addedAt,
            day: businessDay(addedAt),
            welcome: { status: 'pending', source },
            tagging: { status: tagIds.length > 0 ? 'pending' : 'none', tagIds },
          },
        },
        { upsert: true },
      );
      const stored = await NewContactModel.findOne({ tenantId, inboxKey }).lean();
      if (!event.WelcomeCode || !welcome) {
        await recordWelcome(tenantId, inboxKey, {
          status: 'skipped',
          errmsg: event.WelcomeCode ? '未配置欢迎语' : '企业微信未提供欢迎语发送码',
        });
      }
      return {
        welcome: stored?.welcome?.status === 'pending',
        welcomeDeadline: receivedAt.getTime() + WELCOME_WINDOW_MS,
        tagging: stored?.tagging?.status === 'pending',
      };
    },

    /** send_welcome_msg with the customer's name in #nickname#; WeCom's refusals are recorded, not retried. */
    async sendNewContactWelcome({ tenantId, inboxKey }: NewContactRef): Promise<void> {
      const contact = await NewContactModel.findOne({ tenantId, inboxKey }).lean();
      if (!contact || contact.welcome?.status !== 'pending') return;
      const { event } = await readAddEvent(tenantId, inboxKey);
      const welcome = await welcomeFor(tenantId, contact.codeId ?? undefined);
      if (!welcome || !event.WelcomeCode) return;
      const credentials = await deps.credentials(tenantId);
      let nickname = '';
      if (welcome.text.includes('#nickname#')) {
        const customer = await deps.customers.getCustomer(credentials, event.ExternalUserID);
        nickname = customer.external_contact.name ?? '';
      }
      try {
        const media = await welcomeMediaFor(welcome, {
          tenantId,
          publicUrl: deps.publicUrl,
          media: deps.media,
          credentials,
        });
        const body = welcomeBody(welcome, nickname, media);
        await deps.welcome.sendWelcomeMessage(credentials, event.WelcomeCode, body);
        await recordWelcome(tenantId, inboxKey, { status: 'sent' });
      } catch (error) {
        if (
          !(error instanceof WeComApiError) ||
          error.retryable ||
          error.errcode === WELCOME_BEING_DISTRIBUTED
        )
          throw error;
        // Our earlier attempt reached WeCom but its answer was lost: the welcome is out.
        if (error.errcode === WELCOME_ALREADY_SENT && Context.current().info.attempt > 1) {
          await recordWelcome(tenantId, inboxKey, { status: 'sent' });
          return;
        }
        await recordWelcome(tenantId, inboxKey, {
          status: 'failed',
          errcode: error.errcode,
          errmsg: error.errmsg,
        });
      }
    },

    /** The 20 seconds ran out while WeCom was unreachable or busy. */
    async recordWelcomeMissed({ tenantId, inboxKey }: NewContactRef): Promise<void> {
      await recordWelcome(tenantId, inboxKey, { status: 'failed', errmsg: '企业微信20秒内未能发送欢迎语' });
    },

    /**
     * mark_tag with the code's tags in WeCom, then on our customer once the add itself is applied (before that
     * the customer-events workflow may still store what it read from WeCom before the tags were there).
     */
    async tagNewContact({ tenantId, inboxKey }: NewContactRef): Promise<void> {
      const contact = await NewContactModel.findOne({ tenantId, inboxKey }).lean();
      if (!contact || contact.tagging?.status !== 'pending') return;
      const tagIds = contact.tagging.tagIds ?? [];
      const { userid, externalUserid } = contact;
      const credentials = await deps.credentials(tenantId);
      try {
        await deps.corpTags.markTag(credentials, {
          userid,
          externalUserid,
          addTagIds: tagIds,
          removeTagIds: [],
        });
      } catch (error) {
        if (!(error instanceof WeComApiError) || error.retryable) throw error;
        await NewContactModel.updateOne(
          { tenantId, inboxKey },
          {
            $set: {
              'tagging.status': 'failed',
              'tagging.errcode': error.errcode,
              'tagging.errmsg': error.errmsg,
            },
          },
        );
        return;
      }
      const inbox = await CallbackInboxModel.findOne({ tenantId, key: inboxKey }, { status: 1 }).lean();
      if (inbox?.status === 'received') {
        throw ApplicationFailure.retryable('the add is not applied to our customers yet', 'AddNotApplied');
      }
      await rewriteCustomers(
        tenantId,
        [externalUserid],
        (current) => {
          if (!current) return null;
          let changed = false;
          const follows = current.follows.map((follow) => {
            if (follow.userid !== userid || follow.deletedAt) return follow;
            const merged = [...new Set([...follow.tagIds, ...tagIds])];
            if (merged.length === follow.tagIds.length) return follow;
            changed = true;
            return { ...follow, tagIds: merged };
          });
          return changed ? { follows } : null;
        },
        { indexer: deps.customerIndexer },
      );
      await NewContactModel.updateOne({ tenantId, inboxKey }, { $set: { 'tagging.status': 'done' } });
    },
  };
}

export type NewContactWelcomeActivities = ReturnType<typeof createNewContactWelcomeActivities>;
