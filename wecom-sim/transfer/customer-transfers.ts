/**
 * 客户继承 (API.md §12): members who resigned with the customers and groups they left behind, every customer
 * transfer (on-job 在职继承 and resigned 离职继承) with its status, and the two things only the customer's side of
 * WeCom decides: whether a customer refuses the new member, and how many customers a member may hold.
 *
 * A transfer waits 24 h on the simulator's clock; settle() ends the ones that are due, moves the relation when
 * the takeover succeeds, and queues the events WeCom sends for it (announce() hands them to the scenario API,
 * which alone emits callbacks).
 */
import type { CustomerBook } from '../customers/customer-book';
import type { ContactChange } from '../callbacks/change-external-events';
import { WecomError } from '../wecom-error';

export const TAKEOVER_DELAY_SECONDS = 24 * 3600;
/** At most 2 on-job transfers per customer (and per group) within 90 days (doc 92125/95703). */
export const TRANSFERS_PER_WINDOW = 2;
export const TRANSFER_WINDOW_SECONDS = 90 * 24 * 3600;
export const TRANSFER_BATCH_MAX = 100;
export const SUCCESS_MSG_MAX = 200;

/**
 * Per-customer errcodes. 40096 and 40097 are in API.md §2; the 401xx codes are from the community's copy of
 * WeCom's global error list (go-workwx errcodes: 40128 转接过于频繁, 40129 正在转接中, 40130 原跟进人与接手人一样,
 * 40131 handover_userid 并不是跟进人) [third-party source, not in API.md].
 */
export const TRANSFER_CODES = {
  unknownCustomer: 40096,
  notResigned: 40097,
  tooFrequent: 40128,
  inProgress: 40129,
  sameMember: 40130,
  notFollower: 40131,
} as const;

export type TransferKind = 'onjob' | 'resigned';
/** transfer_result's status: 1 done, 2 waiting, 3 customer refused, 4 takeover member at their customer limit. */
export type TransferStatus = 1 | 2 | 3 | 4;

export interface TransferRecord {
  kind: TransferKind;
  handover_userid: string;
  takeover_userid: string;
  external_userid: string;
  /** Seconds. */
  started_at: number;
  /** When the takeover happens (waiting) or happened (done); seconds. */
  takeover_time: number;
  status: TransferStatus;
  transfer_success_msg?: string;
}

export interface Resignation {
  userid: string;
  /** Seconds. */
  dimission_time: number;
}

/** An event WeCom sends when a transfer ends, dated when it ended. */
export interface TransferAnnouncement {
  change: ContactChange;
  at: number;
}

export interface TransferRequest {
  kind: TransferKind;
  handover: string;
  takeover: string;
  externalUserids: string[];
  successMsg?: string;
}

export class CustomerTransfers {
  private readonly resigned = new Map<string, Resignation>();
  private readonly records: TransferRecord[] = [];
  private readonly announcements: TransferAnnouncement[] = [];
  /** Scenario switches: customers who will refuse any takeover, and members' customer limits. */
  private readonly refusing = new Set<string>();
  private readonly customerLimits = new Map<string, number>();
  /** chat_id → seconds of each on-job group transfer, for the 90-day cap. */
  private readonly groupTransfers = new Map<string, number[]>();

  constructor(
    private readonly customers: () => CustomerBook,
    private readonly nowSeconds: () => number,
  ) {}

  markResigned(userid: string, at: number): Resignation {
    const resignation = { userid, dimission_time: at };
    this.resigned.set(userid.toLowerCase(), resignation);
    return { ...resignation };
  }

  resignation(userid: string): Resignation | undefined {
    const found = this.resigned.get(userid.toLowerCase());
    return found && { ...found };
  }

  resignations(): Resignation[] {
    return [...this.resigned.values()]
      .map((r) => ({ ...r }))
      .sort((a, b) => a.dimission_time - b.dimission_time);
  }

  setRefusing(externalUserid: string, refuses: boolean): void {
    if (refuses) this.refusing.add(externalUserid);
    else this.refusing.delete(externalUserid);
  }

  /** undefined lifts the limit. */
  setCustomerLimit(userid: string, limit: number | undefined): void {
    if (limit === undefined) this.customerLimits.delete(userid.toLowerCase());
    else this.customerLimits.set(userid.toLowerCase(), limit);
  }

  /** A resigned member's customers nobody is taking over yet: what get_unassigned_list pages through. */
  unassigned(): Array<{ handover_userid: string; external_userid: string; dimission_time: number }> {
    this.settle();
    return this.resignations().flatMap((resignation) =>
      this.customers()
        .customersOf(resignation.userid)
        .filter((externalUserid) => !this.waitingFor(externalUserid))
        .map((externalUserid) => ({
          handover_userid: resignation.userid,
          external_userid: externalUserid,
          dimission_time: resignation.dimission_time,
        })),
    );
  }

  /**
   * Starts one transfer per customer; each customer gets its own errcode (0 = started), the call as a whole
   * only fails on its own parameters (checked by the endpoint).
   */
  start(request: TransferRequest): Array<{ external_userid: string; errcode: number }> {
    this.settle();
    const now = this.nowSeconds();
    return request.externalUserids.map((externalUserid) => {
      const errcode = this.refusalCode(request, externalUserid, now);
      if (errcode === 0) {
        this.records.push({
          kind: request.kind,
          handover_userid: request.handover,
          takeover_userid: request.takeover,
          external_userid: externalUserid,
          started_at: now,
          takeover_time: now + TAKEOVER_DELAY_SECONDS,
          status: 2,
          transfer_success_msg: request.successMsg,
        });
      }
      return { external_userid: externalUserid, errcode };
    });
  }

  /** The latest transfer of each customer between the two members, oldest first. */
  results(kind: TransferKind, handover: string, takeover: string): TransferRecord[] {
    this.settle();
    const latest = new Map<string, TransferRecord>();
    for (const record of this.records) {
      if (
        record.kind === kind &&
        sameUser(record.handover_userid, handover) &&
        sameUser(record.takeover_userid, takeover)
      )
        latest.set(record.external_userid, { ...record });
    }
    return [...latest.values()];
  }

  /** Every transfer so far (the scenario API's view), oldest first. */
  all(): TransferRecord[] {
    this.settle();
    return this.records.map((record) => ({ ...record }));
  }

  /** On-job group transfers share the customers' 2-per-90-days cap; true when the group may go once more. */
  groupMayTransfer(chatId: string): boolean {
    const since = this.nowSeconds() - TRANSFER_WINDOW_SECONDS;
    return (this.groupTransfers.get(chatId) ?? []).filter((at) => at > since).length < TRANSFERS_PER_WINDOW;
  }

  recordGroupTransfer(chatId: string): void {
    this.groupTransfers.set(chatId, [...(this.groupTransfers.get(chatId) ?? []), this.nowSeconds()]);
  }

  /**
   * Ends every waiting transfer whose 24 h are up, in takeover order: refused when the customer refuses, 4
   * when the takeover member is at their limit, otherwise the relation moves to the takeover member.
   */
  settle(): void {
    const now = this.nowSeconds();
    const due = this.records
      .filter((record) => record.status === 2 && record.takeover_time <= now)
      .sort((a, b) => a.takeover_time - b.takeover_time);
    for (const record of due) this.finish(record);
  }

  /**
   * The scenario's "a day passes" for this corp's waiting transfers only: each started `seconds` earlier. The
   * simulator's clock is shared by every corp (and every test suite), so moving it would move everyone's today.
   */
  elapse(seconds: number): void {
    for (const record of this.records) {
      if (record.status !== 2) continue;
      record.started_at -= seconds;
      record.takeover_time -= seconds;
    }
  }

  /** The events of transfers that ended since the last call, oldest first. */
  announce(): TransferAnnouncement[] {
    this.settle();
    return this.announcements.splice(0, this.announcements.length);
  }

  private finish(record: TransferRecord): void {
    const book = this.customers();
    const at = record.takeover_time;
    const fail = (status: 3 | 4, reason: 'customer_refused' | 'customer_limit_exceed') => {
      record.status = status;
      this.announcements.push({
        at,
        change: {
          changeType: 'transfer_fail',
          userid: record.takeover_userid,
          externalUserid: record.external_userid,
          failReason: reason,
        },
      });
    };
    // A customer who deleted the handover member meanwhile has nobody to be handed over: WeCom reports it as
    // refused, which is what it amounts to.
    if (
      this.refusing.has(record.external_userid) ||
      !book.hasRelation(record.handover_userid, record.external_userid)
    )
      return fail(3, 'customer_refused');
    const limit = this.customerLimits.get(record.takeover_userid.toLowerCase());
    if (limit !== undefined && book.customersOf(record.takeover_userid).length >= limit)
      return fail(4, 'customer_limit_exceed');

    const previous = book.unfollow(record.handover_userid, record.external_userid, { by: 'member', at });
    if (!book.hasRelation(record.takeover_userid, record.external_userid)) {
      // The new member inherits the remark, description and tags, as WeCom's 继承 keeps them.
      book.follow({
        ...previous,
        userid: record.takeover_userid,
        createtime: at,
        oper_userid: record.takeover_userid,
      });
    }
    record.status = 1;
    if (record.kind === 'onjob') {
      this.announcements.push({
        at,
        change: {
          changeType: 'del_external_contact',
          userid: record.handover_userid,
          externalUserid: record.external_userid,
          source: 'DELETE_BY_TRANSFER',
        },
      });
    }
    // [uncertain] WeCom's doc does not say whether the takeover member's side is announced; the simulator sends
    // add_external_contact without State or WelcomeCode, as for any add the API caller did not initiate.
    this.announcements.push({
      at,
      change: {
        changeType: 'add_external_contact',
        userid: record.takeover_userid,
        externalUserid: record.external_userid,
      },
    });
  }

  private refusalCode(request: TransferRequest, externalUserid: string, now: number): number {
    const book = this.customers();
    if (!book.has(externalUserid)) return TRANSFER_CODES.unknownCustomer;
    if (!book.hasRelation(request.handover, externalUserid)) return TRANSFER_CODES.notFollower;
    if (this.waitingFor(externalUserid)) return TRANSFER_CODES.inProgress;
    if (request.kind === 'onjob') {
      const since = now - TRANSFER_WINDOW_SECONDS;
      const recent = this.records.filter(
        (record) =>
          record.kind === 'onjob' && record.external_userid === externalUserid && record.started_at > since,
      );
      if (recent.length >= TRANSFERS_PER_WINDOW) return TRANSFER_CODES.tooFrequent;
    }
    return 0;
  }

  private waitingFor(externalUserid: string): boolean {
    return this.records.some((record) => record.status === 2 && record.external_userid === externalUserid);
  }
}

function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Parameter checks shared by both transfer_customer APIs (the whole call fails on these). */
export function checkTransferBatch(externalUserids: string[], successMsg: string | undefined): void {
  if (externalUserids.length === 0) throw new WecomError(41035);
  if (externalUserids.length > TRANSFER_BATCH_MAX)
    throw new WecomError(40058, `external_userid holds at most ${TRANSFER_BATCH_MAX} ids`);
  if (successMsg !== undefined && [...successMsg].length > SUCCESS_MSG_MAX)
    throw new WecomError(40058, `transfer_success_msg is at most ${SUCCESS_MSG_MAX} characters`);
}
