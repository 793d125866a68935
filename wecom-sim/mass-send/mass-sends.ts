/**
 * A corp's mass sends 企业群发 (API.md §9): templates made by add_msg_template (or by a member in the client),
 * one task per sending member, and one result per recipient. Nothing is sent when a template is created: a
 * member confirms their task in the client (the scenario API stands in for that), and only then does each
 * recipient get status 1 sent, 2 not a friend (any more) or 3 over the receive cap. Task status is 0 or 2, as
 * the doc's text says (API.md Appendix B4). Nothing here emits callbacks.
 */
import { randomBytes } from 'node:crypto';
import { WecomError } from '../wecom-error';

export type MassSendChatType = 'single' | 'group';
/** 0 created by the corp (through the API), 1 by a member in the client. */
export type CreateType = 0 | 1;
/** 0 not sent, 1 sent, 2 failed: not a friend, 3 failed: the customer already got its share of mass messages. */
export type RecipientStatus = 0 | 1 | 2 | 3;
/** 0 not sent, 2 sent (API.md §9.3 and B4). */
export type TaskStatus = 0 | 2;

export interface MassSendContent {
  text?: { content: string };
  attachments: unknown[];
}

export interface RecipientResult {
  /** An external_userid (single) or a chat_id (group). */
  id: string;
  status: RecipientStatus;
  send_time?: number;
}

export interface SendTask {
  userid: string;
  status: TaskStatus;
  send_time?: number;
  recipients: RecipientResult[];
}

export interface MassSendTemplate {
  msgid: string;
  chat_type: MassSendChatType;
  create_type: CreateType;
  /** Only for member-created sends: the doc omits creator for API-created ones. */
  creator?: string;
  create_time: number;
  content: MassSendContent;
  allow_select: boolean;
  tasks: SendTask[];
  canceled_at?: number;
  reminders: Array<{ at: number; userids: string[] }>;
}

export type CapPeriod = 'month' | 'week' | 'day';

export interface MassSendSettings {
  /**
   * How many mass messages one customer or group may receive per period (API.md §9.1): by default as many per
   * natural month as the month has days; a corp may set 7 a week or 1 a day (older docs: 4 a month).
   * `limit` absent = that period's default (days in the month, 7, 1).
   */
  receiveCap: { period: CapPeriod; limit?: number };
  /**
   * Seconds after creation during which get_groupmsg_task / get_groupmsg_send_result answer 41063 (the
   * template is still being dispatched to members; API.md §9.1, B11: seen in digests only).
   */
  dispatchSeconds: number;
}

export const DEFAULT_MASS_SEND_SETTINGS: MassSendSettings = {
  receiveCap: { period: 'month' },
  dispatchSeconds: 2,
};

/** At most 3 reminders per mass send within 24 hours (API.md §9.5). */
export const REMINDERS_PER_DAY = 3;
const DAY_SECONDS = 86_400;
/** WeCom's periods are China's natural days, weeks and months (UTC+8). */
const CHINA_OFFSET_SECONDS = 8 * 3600;

/** What the corp knows at send time: whether the member may still reach the recipient. */
export interface Reachability {
  /** Single sends: the customer is still the member's friend. */
  isFriend(userid: string, externalUserid: string): boolean;
  /** Group sends: the group still exists with this member as owner. */
  ownsGroup(userid: string, chatId: string): boolean;
}

export interface NewMassSend {
  chat_type: MassSendChatType;
  create_type: CreateType;
  creator?: string;
  content: MassSendContent;
  allow_select: boolean;
  /** Recipients per sending member, already resolved and checked. */
  recipientsBySender: Map<string, string[]>;
}

export interface Confirmation {
  /** Recipients to send to now; absent = every recipient still pending. */
  recipients?: string[];
  /** When the member pressed send (seconds); default now. */
  at?: number;
}

/** The customer/group and the China-time period a send time falls in, e.g. `month:2026-12`. */
export function capPeriodKey(period: CapPeriod, at: number): string {
  const local = new Date((at + CHINA_OFFSET_SECONDS) * 1000);
  const day = Math.floor((at + CHINA_OFFSET_SECONDS) / DAY_SECONDS);
  if (period === 'day') return `day:${day}`;
  // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Mondays.
  if (period === 'week') return `week:${Math.floor((day + 3) / 7)}`;
  return `month:${local.getUTCFullYear()}-${local.getUTCMonth() + 1}`;
}

export function capLimit(cap: MassSendSettings['receiveCap'], at: number): number {
  if (cap.limit !== undefined) return cap.limit;
  if (cap.period === 'day') return 1;
  if (cap.period === 'week') return 7;
  const local = new Date((at + CHINA_OFFSET_SECONDS) * 1000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
}

function newMsgid(): string {
  return `msg${randomBytes(21).toString('base64url')}`;
}

export class MassSends {
  settings: MassSendSettings = structuredClone(DEFAULT_MASS_SEND_SETTINGS);
  /** Oldest first: the order get_groupmsg_list_v2 pages through. */
  private readonly templates = new Map<string, MassSendTemplate>();
  /** Recipient id → send times of the mass messages it received, for the receive cap. */
  private readonly received = new Map<string, number[]>();

  constructor(private readonly nowSeconds: () => number) {}

  create(request: NewMassSend): MassSendTemplate {
    const msgid = newMsgid();
    const template: MassSendTemplate = {
      msgid,
      chat_type: request.chat_type,
      create_type: request.create_type,
      ...(request.creator ? { creator: request.creator } : {}),
      create_time: this.nowSeconds(),
      content: structuredClone(request.content),
      allow_select: request.allow_select,
      tasks: [...request.recipientsBySender].map(([userid, ids]) => ({
        userid,
        status: 0,
        recipients: ids.map((id) => ({ id, status: 0 })),
      })),
      reminders: [],
    };
    this.templates.set(msgid, template);
    return structuredClone(template);
  }

  /** 41046 without a msgid, 41047 for one this corp never issued. */
  get(msgid: string | undefined): MassSendTemplate {
    return structuredClone(this.stored(msgid));
  }

  /**
   * Every template, oldest first, as stored: for reading only. Not copied, because the listing APIs page
   * through sends with 100,000 recipients many times over.
   */
  list(): ReadonlyArray<Readonly<MassSendTemplate>> {
    return [...this.templates.values()];
  }

  isCanceled(msgid: string): boolean {
    return this.stored(msgid).canceled_at !== undefined;
  }

  /** The template for reading only (see list); 41063 while it is still being handed out to its members. */
  dispatched(msgid: string | undefined): Readonly<MassSendTemplate> {
    const template = this.stored(msgid);
    if (this.nowSeconds() < template.create_time + this.settings.dispatchSeconds) {
      throw new WecomError(41063, `msgid ${template.msgid} is still being dispatched`);
    }
    return template;
  }

  /**
   * The member presses send in the client for some or all of their pending recipients. Each one is checked
   * at that moment: no longer a friend (or no longer the group's owner) → 2, already at the receive cap → 3,
   * otherwise 1 with the send time. The task counts as sent from the first confirmation on.
   */
  confirm(msgid: string, userid: string, confirmation: Confirmation, reach: Reachability): SendTask {
    const template = this.stored(msgid);
    if (template.canceled_at !== undefined)
      throw new WecomError(41047, `msgid ${msgid} was canceled (停止群发)`);
    const task = template.tasks.find((t) => t.userid.toLowerCase() === userid.toLowerCase());
    if (!task) throw new WecomError(40003, `${userid} has no task in ${msgid}`);
    const at = confirmation.at ?? this.nowSeconds();
    if (at < template.create_time) throw new WecomError(40058, 'a task cannot be sent before it was created');
    const pending = task.recipients.filter((r) => r.status === 0);
    let chosen = pending;
    if (confirmation.recipients) {
      const byId = new Map(task.recipients.map((r) => [r.id, r]));
      const unknown = confirmation.recipients.filter((id) => !byId.has(id));
      if (unknown.length > 0)
        throw new WecomError(40058, `not recipients of this task: ${unknown.join(', ')}`);
      const wanted = new Set(confirmation.recipients);
      chosen = pending.filter((r) => wanted.has(r.id));
    }
    if (chosen.length === 0) return structuredClone(task);
    const cap = this.settings.receiveCap;
    for (const recipient of chosen) {
      const reachable =
        template.chat_type === 'single'
          ? reach.isFriend(task.userid, recipient.id)
          : reach.ownsGroup(task.userid, recipient.id);
      if (!reachable) {
        recipient.status = 2;
        continue;
      }
      const period = capPeriodKey(cap.period, at);
      const times = this.received.get(recipient.id) ?? [];
      if (times.filter((t) => capPeriodKey(cap.period, t) === period).length >= capLimit(cap, at)) {
        recipient.status = 3;
        continue;
      }
      times.push(at);
      this.received.set(recipient.id, times);
      recipient.status = 1;
      recipient.send_time = at;
    }
    if (task.status === 0) {
      task.status = 2;
      task.send_time = at;
    }
    return structuredClone(task);
  }

  /**
   * remind_groupmsg_send: notifies again every member whose task is still unsent. At most 3 within 24 hours;
   * the doc names no errcode for a fourth, the simulator answers 40058 (invalid parameter).
   */
  remind(msgid: string | undefined): { at: number; userids: string[] } {
    const template = this.stored(msgid);
    const now = this.nowSeconds();
    const recent = template.reminders.filter((r) => r.at > now - DAY_SECONDS);
    if (recent.length >= REMINDERS_PER_DAY) {
      throw new WecomError(40058, `at most ${REMINDERS_PER_DAY} reminders per mass send within 24 hours`);
    }
    const reminder = {
      at: now,
      userids:
        template.canceled_at === undefined
          ? template.tasks.filter((t) => t.status === 0).map((t) => t.userid)
          : [],
    };
    template.reminders.push(reminder);
    return structuredClone(reminder);
  }

  /** cancel_groupmsg_send: members who have not sent can no longer send; what was sent stays sent. */
  cancel(msgid: string | undefined): void {
    const template = this.stored(msgid);
    template.canceled_at ??= this.nowSeconds();
  }

  private stored(msgid: string | undefined): MassSendTemplate {
    if (!msgid) throw new WecomError(41046);
    const template = this.templates.get(msgid);
    if (!template) throw new WecomError(41047, `msgid ${msgid}`);
    return template;
  }
}
