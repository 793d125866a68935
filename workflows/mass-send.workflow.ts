import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { MassSendActivities } from '../activities/mass-send.activities';
import {
  cancelMassSendSignal,
  editMassSendUpdate,
  MASS_SEND_ALREADY_SENT,
  massSendStateQuery,
  nextPollDelayMs,
  REFRESH_MIN_INTERVAL_MS,
  refreshMassSendResultsSignal,
  reminderAllowed,
  REMINDERS_PER_DAY_MAX,
  remindMassSendUpdate,
  type MassSendState,
  type MassSendWorkflowInput,
} from './mass-send.contract';
import { EntityStatusKey, TenantIdKey } from './search-attribute-keys';

// Every activity heartbeats at least once per WeCom call (each waits at most seconds for WeCom's budget), so
// a worker killed in the middle hands the attempt on within a minute.
const activities = proxyActivities<MassSendActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Template creation: WeCom's budget may hold calls back for a while; a refusal fails the activity at once. */
const dispatch = proxyActivities<MassSendActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const remindLimit = () => ApplicationFailure.nonRetryable('24小时内最多提醒3次', 'MASS_SEND_REMIND_LIMIT');

/** Polls per run before the history starts afresh (a week of polling is about 290). */
const POLLS_PER_RUN = 100;

/**
 * `mass-send/<tenant>/<id>` (W-13): one 群发 from submission to the end of its tracking. Waits for its time
 * (编辑 and 取消 reach it by update and signal; an edit after the timer fired is refused), resolves the
 * audience as it is then, creates each sender's templates exactly once, then polls WeCom's results every 10
 * minutes for 24 hours and hourly after, until everyone has sent or failed or 7 days have passed (I-67); the
 * rest stays 未发送. Members who have not sent can be reminded (by hand, and after `remindAfterHours`).
 */
export async function massSendWorkflow(input: MassSendWorkflowInput): Promise<void> {
  const ref = { tenantId: input.tenantId, sendId: input.sendId };
  // Handlers come first, so that an edit or a cancel sent right after the start is not lost; until the send
  // is loaded they wait for it.
  let loaded = false;
  let remindAfterHours = 0;
  const state: MassSendState = { status: 'scheduled', sendAt: null, progress: null, nextPollAt: null };
  const remindedAt = [...(input.remindedAt ?? [])];
  let cancelled = false;
  let refreshAsked = false;
  let editing = 0;
  // Kept current on workflows started with the send's attributes (the api's start); a test server without
  // custom attributes starts it without them.
  const tracked = workflowInfo().typedSearchAttributes.get(TenantIdKey) !== undefined;
  const showStatus = (status: MassSendState['status']) => {
    state.status = status;
    if (tracked) upsertSearchAttributes([{ key: EntityStatusKey, value: status }]);
  };

  // The state changes before the write, so that an edit validated meanwhile is already refused.
  const setStatus = async (status: 'sending' | 'cancelled') => {
    showStatus(status);
    await activities.setMassSendStatus({ ...ref, status });
  };

  setHandler(massSendStateQuery, () => ({ ...state }));
  setHandler(cancelMassSendSignal, () => {
    cancelled = true;
  });
  setHandler(refreshMassSendResultsSignal, () => {
    refreshAsked = true;
  });
  setHandler(
    editMassSendUpdate,
    async (edit) => {
      await condition(() => loaded);
      if (state.status !== 'scheduled' || cancelled) {
        throw ApplicationFailure.nonRetryable('群发已开始发送，无法编辑', MASS_SEND_ALREADY_SENT);
      }
      editing += 1;
      try {
        await activities.applyMassSendEdit({ ...ref, edit });
        remindAfterHours = edit.remindAfterHours;
        state.sendAt = edit.timing.mode === 'scheduled' ? new Date(edit.timing.sendAt).getTime() : null;
      } finally {
        editing -= 1;
      }
      return { accepted: true as const };
    },
    {
      validator: (_edit) => {
        if (loaded && (state.status !== 'scheduled' || cancelled)) {
          throw ApplicationFailure.nonRetryable('群发已开始发送，无法编辑', MASS_SEND_ALREADY_SENT);
        }
      },
    },
  );
  setHandler(
    remindMassSendUpdate,
    async () => {
      // Pressed while the templates are being created: it reminds once they are.
      await condition(() => loaded && state.status !== 'sending');
      if (state.status !== 'sent')
        throw ApplicationFailure.nonRetryable('群发尚未发出', 'MASS_SEND_NOT_SENT');
      if (!reminderAllowed(remindedAt, Date.now(), REMINDERS_PER_DAY_MAX)) throw remindLimit();
      remindedAt.push(Date.now());
      await activities.remindMassSend(ref);
      return { remindedAt: remindedAt[remindedAt.length - 1] };
    },
    {
      validator: () => {
        if (!reminderAllowed(remindedAt, Date.now(), REMINDERS_PER_DAY_MAX)) throw remindLimit();
      },
    },
  );

  const stored = await activities.loadMassSend(ref);
  Object.assign(state, { status: stored.status, sendAt: stored.sendAt });
  remindAfterHours = stored.remindAfterHours;
  loaded = true;

  if (state.status === 'scheduled') {
    // The timer: re-armed after every edit, ended early by a cancel.
    for (;;) {
      if (cancelled) {
        await condition(() => editing === 0);
        await setStatus('cancelled');
        return;
      }
      if (editing > 0) {
        await condition(() => editing === 0);
        continue;
      }
      const sendAt = state.sendAt;
      if (sendAt === null || sendAt <= Date.now()) break;
      await condition(() => cancelled || editing > 0 || state.sendAt !== sendAt, sendAt - Date.now());
    }
    await setStatus('sending');
  }

  let sentAt = input.sentAt ?? null;
  if (state.status === 'sending') {
    const { senders } = await activities.resolveMassSendRecipients(ref);
    for (const senderUserid of senders) {
      try {
        await dispatch.createSenderTemplates({ ...ref, senderUserid });
      } catch (error) {
        // WeCom refused this sender for good (e.g. the member left): the activity stored why, and the others
        // still go out; the send fails only if no sender's template was created.
        if (!(error instanceof ActivityFailure)) throw error;
      }
    }
    const finished = await activities.finishMassSendDispatch(ref);
    showStatus(finished.status);
    sentAt = Date.now();
    if (finished.status === 'failed') return;
  }
  if (state.status !== 'sent' || sentAt === null) return;

  // Tracking (I-67): a poll at each step (or sooner when 刷新 asks), an automatic reminder once due, a cancel
  // in between.
  let polls = 0;
  let lastPollAt = 0;
  const autoRemindAt = remindAfterHours > 0 ? sentAt + remindAfterHours * 3_600_000 : null;
  for (;;) {
    const delay = nextPollDelayMs(Date.now() - sentAt);
    if (delay === null) return;
    state.nextPollAt = Date.now() + delay;
    await condition(() => cancelled || refreshAsked, delay);
    if (refreshAsked && !cancelled) {
      const tooSoonBy = lastPollAt + REFRESH_MIN_INTERVAL_MS - Date.now();
      if (tooSoonBy > 0) await condition(() => cancelled, tooSoonBy);
    }
    if (cancelled) {
      await activities.cancelMassSendInWeCom(ref);
      showStatus('cancelled');
      return;
    }
    const { progress, settled } = await activities.pollMassSendResults(ref);
    // Presses until now are answered by this poll.
    refreshAsked = false;
    lastPollAt = Date.now();
    state.progress = progress;
    if (settled) return;
    const remindDue = autoRemindAt !== null && Date.now() >= autoRemindAt && remindedAt.length === 0;
    if (remindDue && reminderAllowed(remindedAt, Date.now(), REMINDERS_PER_DAY_MAX)) {
      remindedAt.push(Date.now());
      await activities.remindMassSend(ref);
    }
    polls += 1;
    if (polls >= POLLS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof massSendWorkflow>({ ...ref, sentAt, remindedAt });
    }
  }
}
