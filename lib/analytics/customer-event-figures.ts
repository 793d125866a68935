import type { CustomerSource } from '../contracts/analytics.contract';
import type { CustomerEventKind } from '../models/customer-event.model';

/** One member's figures of one day from the customer events (the part of StaffDayFigures they give). */
export interface EventFigures {
  /** 客户申请数 (R-6.1.1-02): add_half_external_contact, a request the member sent that is not yet accepted. */
  newApply: number;
  /** 新增客户数: adds (add_external_contact, or a relation a sync first saw, dated by its createtime). */
  newContact: number;
  /** 主动删除客户数: del_external_contact, the member deleted the customer. */
  deletedByStaff: number;
  /** 被客户删除数: del_follow_user, the customer deleted the member. */
  deletedByCustomer: number;
  /** 新增客户 by source (R-6.1.1-04, I-89). */
  sources: Record<CustomerSource, number>;
}

export interface DayCustomerEvent {
  userid: string;
  kind: CustomerEventKind;
  addWay?: number | null;
}

/**
 * 客户来源分布 (I-89): WeCom's add_way 1 (扫描二维码) and 3 (名片分享) are the manual's two sources; every other
 * add way (search by phone, group, 员工活码 via contact way…) is 其他.
 */
export function sourceOfAddWay(addWay: number | null | undefined): CustomerSource {
  if (addWay === 1) return 'qrcode';
  if (addWay === 3) return 'card';
  return 'other';
}

export const emptyEventFigures = (): EventFigures => ({
  newApply: 0,
  newContact: 0,
  deletedByStaff: 0,
  deletedByCustomer: 0,
  sources: { qrcode: 0, card: 0, other: 0 },
});

/** Each member's event figures of one day, from that day's events (edits count for nothing). */
export function customerEventFigures(events: Iterable<DayCustomerEvent>): Map<string, EventFigures> {
  const byMember = new Map<string, EventFigures>();
  for (const event of events) {
    if (event.kind === 'edited') continue;
    const figures = byMember.get(event.userid) ?? emptyEventFigures();
    byMember.set(event.userid, figures);
    if (event.kind === 'added') {
      figures.newContact += 1;
      figures.sources[sourceOfAddWay(event.addWay)] += 1;
    } else if (event.kind === 'half_added') figures.newApply += 1;
    else if (event.kind === 'deleted_by_staff') figures.deletedByStaff += 1;
    else figures.deletedByCustomer += 1;
  }
  return byMember;
}
