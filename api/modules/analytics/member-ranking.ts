import type { Ratio, StaffContactRow, StaffGroupRow } from '../../../lib/contracts/analytics.contract';
import type { STAFF_CONTACT_SORTS, STAFF_GROUP_SORTS } from '../../../lib/contracts/analytics.contract';

/** A column's value for sorting; null for "-" (a ratio whose denominator is 0). */
type SortValue<R> = (row: R) => number | null;

const quotient = ({ numerator, denominator }: Ratio) => (denominator === 0 ? null : numerator / denominator);

export const CONTACT_SORT_VALUES: Record<(typeof STAFF_CONTACT_SORTS)[number], SortValue<StaffContactRow>> = {
  newApply: (row) => row.newApply,
  newContact: (row) => row.newContact,
  chatCnt: (row) => row.chatCnt,
  messageCnt: (row) => row.messageCnt,
  replyRatio: (row) => quotient(row.reply),
  firstReply: (row) =>
    quotient({ numerator: row.firstReply.totalSeconds, denominator: row.firstReply.count }),
  deletedByCustomer: (row) => row.deletedByCustomer,
};

export const GROUP_SORT_VALUES: Record<(typeof STAFF_GROUP_SORTS)[number], SortValue<StaffGroupRow>> = {
  chatTotal: (row) => row.chatTotal,
  newChat: (row) => row.newChat,
  chatHasMsg: (row) => row.chatHasMsg,
  memberTotal: (row) => row.memberTotal,
  newMember: (row) => row.newMember,
  memberHasMsg: (row) => row.memberHasMsg,
  msgTotal: (row) => row.msgTotal,
};

/**
 * 员工分析's order (I-91: every numeric column sortable): by the column, "-" below every figure (last in 降序,
 * first in 升序), the userid breaking ties so that pages never overlap or skip a member.
 */
export function rankRows<R extends { userid: string }>(
  rows: readonly R[],
  value: SortValue<R>,
  order: 'asc' | 'desc',
): R[] {
  const direction = order === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: value(row) ?? -Infinity }));
  keyed.sort(
    (a, b) =>
      (a.value === b.value ? 0 : a.value < b.value ? -direction : direction) ||
      (a.row.userid < b.row.userid ? -1 : a.row.userid > b.row.userid ? 1 : 0),
  );
  return keyed.map((entry) => entry.row);
}
