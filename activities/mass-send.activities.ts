import { insertManyOnce } from '../lib/db/insert-many-once';
import { ApplicationFailure } from '@temporalio/activity';
import { loadCallerAccess } from '../lib/access/caller-access';
import { resolveStaffScope } from '../lib/access/data-scope';
import {
  recipientStatusOf,
  type MassSendAudience,
  type MassSendProgress,
  type MassSendStatus,
  type MassSendTiming,
  type RecipientFailReason,
  type RecipientStatus,
} from '../lib/contracts/mass-send.contract';
import { bulkWriteInSlices } from '../lib/db/bulk-write-in-slices';
import { resolveAudience } from '../lib/mass-send/audience';
import { MassSendRecipientModel } from '../lib/models/mass-send-recipient.model';
import { MassSendTemplateModel } from '../lib/models/mass-send-template.model';
import { MassSendModel } from '../lib/models/mass-send.model';
import { StaffModel } from '../lib/models/staff.model';
import { writeListRows, type ListSearch } from '../lib/search/list-read-model';
import {
  MASS_SEND_RECIPIENT_FIELDS,
  massSendReadModel,
  massSendRecipientReadModel,
  type MassSendRecipientSource,
} from '../lib/search/mass-send-index';
import {
  CHAT_IDS_PER_TEMPLATE,
  EXTERNAL_USERIDS_PER_TEMPLATE,
  splitRecipients,
  type MassSendApi,
} from '../lib/wecom/mass-send-api';
import type { MassSendEdit } from '../workflows/mass-send.contract';
import { heartbeatOrStop } from './cancellation-checkpoint';
import type { CredentialsLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

/** Recipients are resolved and stored this many at a time (one search page, one insert, one index bulk). */
const RESOLVE_BATCH = 5_000;
/** A template found in WeCom's list may have been created this long before its intent was stored (clocks). */
const RECONCILE_SLACK_MS = 60_000;

interface SendRef {
  tenantId: string;
  sendId: string;
}

/** A recipient's outcome as WeCom now reports it, keyed `<sendId>|<recipientId>`. */
interface RecipientChange {
  _id: string;
  status: RecipientStatus;
  failReason: RecipientFailReason | null;
  sentAt: Date | null;
}

export interface MassSendDeps {
  massSend: MassSendApi;
  credentials: CredentialsLoader;
  listSearch: ListSearch;
  now?: () => Date;
}

export function createMassSendActivities(deps: MassSendDeps) {
  const now = deps.now ?? (() => new Date());

  async function loadSend({ tenantId, sendId }: SendRef) {
    const send = await MassSendModel.findOne({ tenantId, _id: sendId, deletedAt: null }).lean();
    if (!send) throw ApplicationFailure.nonRetryable(`mass send ${sendId} is gone`, 'MassSendGone');
    return send;
  }

  /** Sets the send's status (and what goes with it), keeping the 群发列表's index in step. */
  async function setStatus(
    ref: SendRef,
    change: { status: MassSendStatus; failReason?: string | null; sendAt?: Date },
  ): Promise<void> {
    await writeListRows(deps.listSearch, massSendReadModel, ref.tenantId, [ref.sendId], () =>
      MassSendModel.updateOne({ tenantId: ref.tenantId, _id: ref.sendId }, { $set: change }),
    );
  }

  async function templatesOf(ref: SendRef) {
    return MassSendTemplateModel.find({ tenantId: ref.tenantId, sendId: ref.sendId }).lean();
  }

  /**
   * Writes recipients' outcomes (only those that changed). Given the rows as they were read (`stored`), the
   * rows as written are indexed without reading them back (on FerretDB one query per row): every outcome
   * sets all the fields a recipient's outcome has, and its updatedAt is set here rather than by mongoose, so
   * the row and the version are known. Only the send's workflow writes its recipients.
   */
  async function applyOutcomes(
    ref: SendRef,
    changes: readonly RecipientChange[],
    stored?: ReadonlyMap<string, MassSendRecipientSource>,
  ): Promise<void> {
    for (let at = 0; at < changes.length; at += RESOLVE_BATCH) {
      const batch = changes.slice(at, at + RESOLVE_BATCH);
      const updatedAt = new Date();
      await writeListRows(
        deps.listSearch,
        massSendRecipientReadModel,
        ref.tenantId,
        batch.map((change) => change._id),
        () =>
          bulkWriteInSlices(
            MassSendRecipientModel,
            batch.map(({ _id, ...outcome }) => ({
              updateOne: {
                filter: { _id, tenantId: ref.tenantId },
                update: { $set: { ...outcome, updatedAt } },
                timestamps: false,
              },
            })),
            { ordered: false },
          ),
        {
          written: batch.flatMap((change) => {
            const row = stored?.get(change._id);
            return row ? [{ ...row, ...change, updatedAt }] : [];
          }),
        },
      );
    }
  }

  /**
   * Counts every recipient by outcome and stores it: after the audience is resolved (which fixes the total) and
   * after dispatch. Tracking passes count from their own read instead.
   */
  async function recountProgress(ref: SendRef): Promise<MassSendProgress> {
    const progress: MassSendProgress = { total: 0, sent: 0, unsent: 0, failed: 0 };
    const rows = MassSendRecipientModel.find(
      { tenantId: ref.tenantId, sendId: ref.sendId },
      { status: 1 },
    ).cursor({ batchSize: RESOLVE_BATCH });
    for await (const row of rows) {
      progress.total += 1;
      progress[row.status as keyof Omit<MassSendProgress, 'total'>] += 1;
    }
    await writeProgress(ref, progress);
    return progress;
  }

  async function writeProgress(ref: SendRef, progress: MassSendProgress): Promise<void> {
    await writeListRows(deps.listSearch, massSendReadModel, ref.tenantId, [ref.sendId], () =>
      MassSendModel.updateOne({ tenantId: ref.tenantId, _id: ref.sendId }, { $set: { progress } }),
    );
  }

  return {
    /** What the workflow needs to start or resume: where the send stands and when it goes out. */
    async loadMassSend(ref: SendRef): Promise<{
      status: MassSendStatus;
      sendAt: number | null;
      remindAfterHours: number;
    }> {
      const send = await loadSend(ref);
      const timing = send.timing as MassSendTiming;
      return {
        status: send.status as MassSendStatus,
        sendAt: timing.mode === 'scheduled' ? new Date(timing.sendAt).getTime() : null,
        remindAfterHours: send.remindAfterHours ?? 0,
      };
    },

    /** 待发送 → 发送中 (its 发送时间 becomes now) or 已取消. */
    async setMassSendStatus(input: SendRef & { status: 'sending' | 'cancelled' }): Promise<void> {
      const { status, ...ref } = input;
      await setStatus(ref, { status, ...(status === 'sending' ? { sendAt: now() } : {}) });
    },

    /** 编辑 of a send waiting for its time, written by its workflow (which refuses it once the timer fired). */
    async applyMassSendEdit(input: SendRef & { edit: MassSendEdit }): Promise<void> {
      const { edit, ...ref } = input;
      await writeListRows(deps.listSearch, massSendReadModel, ref.tenantId, [ref.sendId], () =>
        MassSendModel.updateOne(
          { tenantId: ref.tenantId, _id: ref.sendId },
          {
            $set: {
              ...edit,
              kind: edit.audience.kind,
              sendAt: edit.timing.mode === 'scheduled' ? new Date(edit.timing.sendAt) : now(),
            },
          },
        ),
      );
    },

    /**
     * Resolves the audience as it is now (I-65: each customer once, with their sender), within the creator's
     * 数据权限 as it is now, and stores the recipients; answers the senders. Run again after a crash, it adds
     * nothing twice (`_id` is per send and recipient).
     */
    async resolveMassSendRecipients(ref: SendRef): Promise<{ senders: string[]; total: number }> {
      const send = await loadSend(ref);
      const creator = await StaffModel.findOne({ tenantId: ref.tenantId, _id: send.creator.staffId }).lean();
      if (!creator) return { senders: [], total: 0 };
      const access = await loadCallerAccess(ref.tenantId, creator);
      const scope = await resolveStaffScope(ref.tenantId, access, access);
      const senders = new Set<string>();
      let total = 0;
      const batches = resolveAudience(
        deps.listSearch,
        ref.tenantId,
        send.audience as MassSendAudience,
        scope,
        RESOLVE_BATCH,
      );
      for await (const batch of batches) {
        const rows = batch.map((recipient) => ({
          _id: `${ref.sendId}|${recipient.recipientId}`,
          tenantId: ref.tenantId,
          sendId: ref.sendId,
          ...recipient,
        }));
        await writeListRows(
          deps.listSearch,
          massSendRecipientReadModel,
          ref.tenantId,
          rows.map((row) => row._id),
          () => insertManyOnce(MassSendRecipientModel, rows),
        );
        for (const recipient of batch) senders.add(recipient.senderUserid);
        total += batch.length;
        heartbeatOrStop(total);
      }
      await recountProgress(ref);
      return { senders: [...senders], total };
    },

    /**
     * Creates the sender's templates in WeCom (add_msg_template, split past WeCom's per-call limit), exactly
     * once each: the intent is stored before the call, and a retry that finds an intent without its answer
     * looks for the template in WeCom's own list before creating one. Answers how many exist now.
     */
    async createSenderTemplates(ref: SendRef & { senderUserid: string }): Promise<{ created: number }> {
      const send = await loadSend(ref);
      const credentials = await deps.credentials(ref.tenantId);
      const recipients = await MassSendRecipientModel.find(
        { tenantId: ref.tenantId, sendId: ref.sendId, senderUserid: ref.senderUserid },
        { recipientId: 1 },
      ).lean();
      const perCall = send.kind === 'groups' ? CHAT_IDS_PER_TEMPLATE : EXTERNAL_USERIDS_PER_TEMPLATE;
      const chunks = splitRecipients(recipients.map((row) => row.recipientId).sort(), perCall);
      let created = 0;
      for (const [chunk, ids] of chunks.entries()) {
        heartbeatOrStop(chunk);
        const _id = `${ref.sendId}|${ref.senderUserid}|${chunk}`;
        const existing = await MassSendTemplateModel.findOne({ tenantId: ref.tenantId, _id }).lean();
        if (existing?.state === 'created') {
          created += 1;
          continue;
        }
        if (existing?.state === 'failed') continue;
        if (existing?.state === 'intent') {
          const msgid = await findUnrecordedTemplate(ref, send.text, existing.intentAt, credentials);
          if (msgid) {
            await recordTemplate(ref.tenantId, _id, { state: 'created', msgid });
            created += 1;
            continue;
          }
        } else {
          await MassSendTemplateModel.create({
            _id,
            tenantId: ref.tenantId,
            sendId: ref.sendId,
            senderUserid: ref.senderUserid,
            chunk,
            state: 'intent',
            intentAt: now(),
          });
        }
        const outcome = await withWeComFailures(() =>
          deps.massSend.addMsgTemplate(
            credentials,
            send.kind === 'groups'
              ? {
                  chat_type: 'group',
                  sender: ref.senderUserid,
                  chat_id_list: ids,
                  text: { content: send.text },
                }
              : {
                  chat_type: 'single',
                  sender: ref.senderUserid,
                  external_userid: ids,
                  text: { content: send.text },
                },
          ),
        ).catch(async (error: unknown) => {
          // Refused for good (the activity will not be retried): recorded, so the send can say why.
          if (error instanceof ApplicationFailure && error.nonRetryable) {
            await recordTemplate(ref.tenantId, _id, { state: 'failed', error: error.message });
          }
          throw error;
        });
        if (!outcome.created) {
          await recordTemplate(ref.tenantId, _id, { state: 'failed', error: '发送范围内没有可发送的客户' });
          continue;
        }
        await recordTemplate(ref.tenantId, _id, {
          state: 'created',
          msgid: outcome.msgid,
          failList: outcome.failList,
        });
        created += 1;
        if (outcome.failList.length > 0) {
          await applyOutcomes(
            ref,
            outcome.failList.map((recipientId) => ({
              _id: `${ref.sendId}|${recipientId}`,
              status: 'failed',
              failReason: 'not-friend',
              sentAt: null,
            })),
          );
        }
        heartbeatOrStop(chunk + 1);
      }
      return { created };
    },

    /** After every sender's templates: 已发送 if WeCom took any, else 发送失败 with the first reason it gave. */
    async finishMassSendDispatch(ref: SendRef): Promise<{ status: 'sent' | 'failed' }> {
      const templates = await templatesOf(ref);
      const anyCreated = templates.some((template) => template.state === 'created');
      const reason = templates.find((template) => template.error)?.error ?? '发送范围内没有可发送的客户';
      await setStatus(ref, anyCreated ? { status: 'sent' } : { status: 'failed', failReason: reason });
      await recountProgress(ref);
      return { status: anyCreated ? 'sent' : 'failed' };
    },

    /**
     * One tracking pass (I-67): every template's per-recipient results from WeCom, applied where they changed;
     * answers the progress, settled when nobody is left 未发送. Each sender's recipients are read once, and the
     * progress is counted from that same read (the total was fixed when the audience was resolved): a pass
     * over 100k recipients reads them once.
     */
    async pollMassSendResults(ref: SendRef): Promise<{ progress: MassSendProgress; settled: boolean }> {
      const send = await loadSend(ref);
      const credentials = await deps.credentials(ref.tenantId);
      const templatesBySender = new Map<string, Array<{ _id: string; msgid?: string | null }>>();
      for (const template of await templatesOf(ref)) {
        if (template.state !== 'created') continue;
        const ofSender = templatesBySender.get(template.senderUserid) ?? [];
        ofSender.push(template);
        templatesBySender.set(template.senderUserid, ofSender);
      }
      const total = send.progress?.total ?? 0;
      const progress: MassSendProgress = { total, sent: 0, unsent: 0, failed: 0 };
      for (const [senderUserid, templates] of templatesBySender) {
        // Whole rows (what their documents are made of): the changed ones are indexed as written.
        const rows = new Map(
          (
            await MassSendRecipientModel.find(
              { tenantId: ref.tenantId, sendId: ref.sendId, senderUserid },
              MASS_SEND_RECIPIENT_FIELDS,
            ).lean<MassSendRecipientSource[]>()
          ).map((row) => [row._id, row]),
        );
        // By recipient: a result WeCom gave twice is written (and indexed) once.
        const changes = new Map<string, RecipientChange>();
        for (const template of templates) {
          const results = deps.massSend.sendResults(credentials, template.msgid ?? '', senderUserid);
          await withWeComFailures(async () => {
            for await (const result of results) {
              heartbeatOrStop(template._id);
              const _id = `${ref.sendId}|${result.recipientId}`;
              const stored = rows.get(_id);
              const outcome = recipientStatusOf(result.status);
              if (
                !stored ||
                (stored.status === outcome.status && (stored.failReason ?? null) === outcome.failReason)
              )
                continue;
              const sentAt = result.sendTime ? new Date(result.sendTime * 1000) : null;
              changes.set(_id, { _id, ...outcome, sentAt });
            }
          });
          heartbeatOrStop(template._id);
        }
        await applyOutcomes(ref, [...changes.values()], rows);
        for (const row of rows.values()) {
          const status = (changes.get(row._id) ?? row).status;
          if (status !== 'unsent') progress[status] += 1;
        }
      }
      progress.unsent = total - progress.sent - progress.failed;
      await writeProgress(ref, progress);
      return { progress, settled: total > 0 && progress.unsent === 0 };
    },

    /** 提醒未发送员工 (remind_groupmsg_send) for every template; answers whether WeCom took any. */
    async remindMassSend(ref: SendRef): Promise<{ reminded: boolean }> {
      const credentials = await deps.credentials(ref.tenantId);
      let reminded = false;
      for (const template of await templatesOf(ref)) {
        if (template.state !== 'created' || !template.msgid) continue;
        const answer = await withWeComFailures(() => deps.massSend.remind(credentials, template.msgid ?? ''));
        reminded ||= answer === 'reminded';
      }
      return { reminded };
    },

    /** 取消 after it went out: members who have not sent yet no longer can (cancel_groupmsg_send). */
    async cancelMassSendInWeCom(ref: SendRef): Promise<void> {
      const credentials = await deps.credentials(ref.tenantId);
      for (const template of await templatesOf(ref)) {
        if (template.state !== 'created' || !template.msgid) continue;
        await withWeComFailures(() => deps.massSend.cancel(credentials, template.msgid ?? ''));
      }
      await setStatus(ref, { status: 'cancelled' });
    },
  };

  /**
   * A template of this send's text created in WeCom since the intent (less some slack) that no template row of
   * this send records yet: the one a killed attempt created before it could store the answer.
   */
  async function findUnrecordedTemplate(
    ref: SendRef & { senderUserid: string },
    text: string,
    intentAt: Date,
    credentials: Awaited<ReturnType<CredentialsLoader>>,
  ): Promise<string | null> {
    const recorded = new Set((await templatesOf(ref)).flatMap((template) => template.msgid ?? []));
    const send = await loadSend(ref);
    const messages = deps.massSend.groupMsgs(credentials, {
      chatType: send.kind === 'groups' ? 'group' : 'single',
      startTime: Math.floor((intentAt.getTime() - RECONCILE_SLACK_MS) / 1000),
      // A day past our clock: WeCom's (or the simulator's) clock may run ahead of ours.
      endTime: Math.floor(now().getTime() / 1000) + 86_400,
      filterType: 0,
    });
    return withWeComFailures(async () => {
      for await (const message of messages) {
        if (recorded.has(message.msgid) || message.text?.content !== text) continue;
        const firstTasks = await deps.massSend.taskPage(credentials, message.msgid);
        if (firstTasks.items.some((task) => task.userid === ref.senderUserid)) return message.msgid;
      }
      return null;
    });
  }
}

async function recordTemplate(
  tenantId: string,
  _id: string,
  change: { state: 'created' | 'failed'; msgid?: string; failList?: string[]; error?: string },
): Promise<void> {
  await MassSendTemplateModel.updateOne({ tenantId, _id }, { $set: change });
}

export type MassSendActivities = ReturnType<typeof createMassSendActivities>;
