import {
  COMPARED_STAFF_FIELDS,
  type ComparedStaffField,
  type StaffDayFigures,
} from '../contracts/analytics.contract';
import { StaffDayStatModel, type StaffDayStat } from '../models/staff-day-stat.model';
import { keyedReadModel } from './list-read-model';

/**
 * 统计分析's staff × day read model: one document per StaffDayStat row with the figures the pages show as
 * flat numbers, so that any range, staff selection and 员工分析 sort is one aggregation (sums per day or per
 * member) over at most 366 × staff documents. Written through writeListRows by the daily rollup.
 */
export const STAFF_DAY_STAT_INDEX_VERSION = 2;

export type StaffDayStatSource = Pick<
  StaffDayStat,
  '_id' | 'tenantId' | 'day' | 'userid' | 'ours' | 'wecom' | 'rolledUpAt'
>;

/** One indexed document: the shown figures flat, and both sources' counts for 数据核对. */
export interface StaffDayStatDocument {
  tenantId: string;
  day: string;
  userid: string;
  hasWecom: boolean;
  /** WeCom answered and some compared count is not ours (数据核对's 只看不一致; the index runs no scripts). */
  differs: boolean;
  newApply: number;
  newContact: number;
  deletedByStaff: number;
  deletedByCustomer: number;
  chatCnt: number;
  messageCnt: number;
  replyNumerator: number;
  replyDenominator: number;
  firstReplySeconds: number;
  firstReplyCount: number;
  sourceQrcode: number;
  sourceCard: number;
  sourceOther: number;
  ours: Record<ComparedStaffField, number>;
  /** Zeros when hasWecom is false. */
  wecom: Record<ComparedStaffField, number>;
}

const count = (value: number | null | undefined) => value ?? 0;

/**
 * The figures a page shows for one member's day: WeCom's counts where WeCom answered for that day (issue 17),
 * ours for what WeCom has not (主动删除, sources) and for the ratios, whose numerators and denominators only
 * the archive has (WeCom gives a day's percentage and mean, which cannot be summed over a range).
 */
export function shownStaffFigures(stat: Pick<StaffDayStat, 'ours' | 'wecom'>): StaffDayFigures {
  const { ours, wecom } = stat;
  return {
    newApply: wecom ? wecom.newApply : count(ours?.newApply),
    newContact: wecom ? wecom.newContact : count(ours?.newContact),
    deletedByStaff: count(ours?.deletedByStaff),
    deletedByCustomer: wecom ? wecom.negativeFeedback : count(ours?.deletedByCustomer),
    chatCnt: wecom ? wecom.chatCnt : count(ours?.chatCnt),
    messageCnt: wecom ? wecom.messageCnt : count(ours?.messageCnt),
    reply: { numerator: count(ours?.reply?.numerator), denominator: count(ours?.reply?.denominator) },
    firstReply: {
      totalSeconds: count(ours?.firstReply?.totalSeconds),
      count: count(ours?.firstReply?.count),
    },
  };
}

export function staffDayStatDocument(stat: StaffDayStatSource): StaffDayStatDocument {
  const shown = shownStaffFigures(stat);
  const ours = stat.ours;
  const wecom = stat.wecom;
  const oursCompared = {
    newApply: count(ours?.newApply),
    newContact: count(ours?.newContact),
    chatCnt: count(ours?.chatCnt),
    messageCnt: count(ours?.messageCnt),
    deletedByCustomer: count(ours?.deletedByCustomer),
  };
  const wecomCompared = {
    newApply: count(wecom?.newApply),
    newContact: count(wecom?.newContact),
    chatCnt: count(wecom?.chatCnt),
    messageCnt: count(wecom?.messageCnt),
    deletedByCustomer: count(wecom?.negativeFeedback),
  };
  return {
    tenantId: stat.tenantId,
    day: stat.day,
    userid: stat.userid,
    hasWecom: Boolean(wecom),
    differs:
      Boolean(wecom) && COMPARED_STAFF_FIELDS.some((field) => oursCompared[field] !== wecomCompared[field]),
    newApply: shown.newApply,
    newContact: shown.newContact,
    deletedByStaff: shown.deletedByStaff,
    deletedByCustomer: shown.deletedByCustomer,
    chatCnt: shown.chatCnt,
    messageCnt: shown.messageCnt,
    replyNumerator: shown.reply.numerator,
    replyDenominator: shown.reply.denominator,
    firstReplySeconds: shown.firstReply.totalSeconds,
    firstReplyCount: shown.firstReply.count,
    sourceQrcode: count(ours?.sources?.qrcode),
    sourceCard: count(ours?.sources?.card),
    sourceOther: count(ours?.sources?.other),
    ours: oursCompared,
    wecom: wecomCompared,
  };
}

const STAT_FIELDS = { tenantId: 1, day: 1, userid: 1, ours: 1, wecom: 1, rolledUpAt: 1 } as const;
const compared = {
  properties: Object.fromEntries(COMPARED_STAFF_FIELDS.map((field) => [field, { type: 'long' as const }])),
};

export const staffDayStatReadModel = keyedReadModel<StaffDayStatSource>({
  kind: 'staff-day-stats',
  version: STAFF_DAY_STAT_INDEX_VERSION,
  sort: { field: ['day', 'userid'], order: ['desc', 'asc'] },
  properties: {
    tenantId: { type: 'keyword' },
    day: { type: 'date', format: 'yyyy-MM-dd' },
    userid: { type: 'keyword' },
    hasWecom: { type: 'boolean' },
    differs: { type: 'boolean' },
    newApply: { type: 'long' },
    newContact: { type: 'long' },
    deletedByStaff: { type: 'long' },
    deletedByCustomer: { type: 'long' },
    chatCnt: { type: 'long' },
    messageCnt: { type: 'long' },
    replyNumerator: { type: 'long' },
    replyDenominator: { type: 'long' },
    firstReplySeconds: { type: 'double' },
    firstReplyCount: { type: 'long' },
    sourceQrcode: { type: 'long' },
    sourceCard: { type: 'long' },
    sourceOther: { type: 'long' },
    ours: compared,
    wecom: compared,
  },
  // The _id already starts with the tenant.
  documentId: (_tenantId, key) => key,
  rows: StaffDayStatModel,
  key: '_id',
  fields: STAT_FIELDS,
  versionOf: (stat) => stat.rolledUpAt.getTime(),
  toDocument: staffDayStatDocument,
});
