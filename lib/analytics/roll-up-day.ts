import { bulkWriteInSlices } from '../db/bulk-write-in-slices';
import { ChatMessageModel } from '../models/chat-message.model';
import { CustomerEventModel } from '../models/customer-event.model';
import { CustomerGroupModel } from '../models/customer-group.model';
import { OwnerDayGroupStatModel } from '../models/owner-day-group-stat.model';
import { StaffDayStatModel } from '../models/staff-day-stat.model';
import { StaffModel } from '../models/staff.model';
import { writeListRows, type ListReadModel, type ListSearch } from '../search/list-read-model';
import { ownerDayGroupStatReadModel } from '../search/owner-day-group-stat-index';
import { staffDayStatReadModel } from '../search/staff-day-stat-index';
import {
  createGroupMessageTally,
  createSingleChatTally,
  emptyChatFigures,
  emptyGroupFigures,
  ownerGroupFigures,
  type DayGroup,
  type DayMessage,
} from './chat-figures';
import { chinaDayStartMs } from '../../workflows/china-day';
import { customerEventFigures, emptyEventFigures, type DayCustomerEvent } from './customer-event-figures';
import { pullWecomDay, type WecomDayDeps } from './wecom-day-figures';

export interface RollUpDayDeps extends WecomDayDeps {
  listSearch: ListSearch;
}

export interface RollUpDayInput {
  tenantId: string;
  /** YYYY-MM-DD, China time. */
  day: string;
}

export interface RollUpDayResult {
  staffRows: number;
  ownerRows: number;
  /** Rows of an earlier run of the day that are all zeros now, deleted. */
  removed: number;
  /** `pulled`, `off` (a day WeCom no longer answers), or why WeCom's figures were left out (binding refused). */
  wecom: string;
}

/** Members per write: one outbox insert, one bulk index request and a few write slices each. */
const WRITE_BATCH = 200;
const MESSAGE_BATCH = 1_000;
const GROUP_BATCH = 200;

const allZero = (value: unknown): boolean =>
  typeof value === 'number'
    ? value === 0
    : value && typeof value === 'object'
      ? Object.values(value).every(allZero)
      : true;

/**
 * Replaces one day's rows of a stat collection by `_id`: `rows` written whole (upserted), and rows an earlier run
 * of the day wrote that this run has not (all zeros now) deleted, so re-running a day leaves exactly this run's
 * rows. Written through writeListRows, so the read model follows, a batch at a time.
 */
async function replaceDayRows<Row extends { _id: string }>(
  deps: RollUpDayDeps,
  collection: typeof StaffDayStatModel | typeof OwnerDayGroupStatModel,
  readModel: ListReadModel<unknown>,
  input: RollUpDayInput,
  rows: Row[],
): Promise<number> {
  const { tenantId, day } = input;
  const written = new Set(rows.map((row) => row._id));
  const before = await (collection as typeof StaffDayStatModel).find({ tenantId, day }, { _id: 1 }).lean();
  const stale = before.map((row) => row._id).filter((id) => !written.has(id));
  const operations = [
    ...rows.map((row) => ({
      key: row._id,
      operation: { replaceOne: { filter: { tenantId, _id: row._id }, replacement: row, upsert: true } },
    })),
    ...stale.map((id) => ({ key: id, operation: { deleteOne: { filter: { tenantId, _id: id } } } })),
  ];
  for (let at = 0; at < operations.length; at += WRITE_BATCH) {
    const batch = operations.slice(at, at + WRITE_BATCH);
    deps.progress(`write ${readModel.kind} ${at}`);
    await writeListRows(
      deps.listSearch,
      readModel,
      tenantId,
      batch.map((entry) => entry.key),
      () =>
        bulkWriteInSlices(
          collection as typeof StaffDayStatModel,
          batch.map((entry) => entry.operation) as never,
        ),
    );
  }
  return stale.length;
}

/**
 * One tenant's rollup of one China day (W-16): our figures from the day's customer events, archived messages
 * and the groups we hold (lib/analytics/customer-event-figures.ts, chat-figures.ts), WeCom's figures for the day
 * when WeCom still answers for it, and every staff × day and owner × day row of the day replaced. Members and owners whose figures
 * (ours and WeCom's) are all zero get no row; a row an earlier run wrote for them is deleted.
 */
export async function rollUpDay(deps: RollUpDayDeps, input: RollUpDayInput): Promise<RollUpDayResult> {
  const { tenantId, day } = input;
  deps.progress('customer events');
  const events = await CustomerEventModel.find({ tenantId, day }, { userid: 1, kind: 1, addWay: 1 })
    .lean<DayCustomerEvent[]>()
    .exec();
  const eventFigures = customerEventFigures(events);

  const chats = createSingleChatTally();
  const groupMessages = createGroupMessageTally();
  let read = 0;
  const messages = ChatMessageModel.find(
    { tenantId, day },
    {
      _id: 0,
      action: 1,
      senderType: 1,
      from: 1,
      chatKind: 1,
      roomid: 1,
      conversationId: 1,
      staffUserids: 1,
      msgtime: 1,
      seq: 1,
    },
  )
    .lean<DayMessage>()
    .cursor({ batchSize: MESSAGE_BATCH });
  for await (const message of messages) {
    chats.add(message);
    groupMessages.add(message);
    read += 1;
    if (read % MESSAGE_BATCH === 0) deps.progress(`messages ${read}`);
  }
  const chatFigures = chats.figures();

  deps.progress('groups');
  const groups: DayGroup[] = [];
  const groupCursor = CustomerGroupModel.find(
    { tenantId },
    {
      _id: 0,
      chatId: 1,
      ownerUserid: 1,
      createdAt: 1,
      dismissedAt: 1,
      'members.userid': 1,
      'members.joinedAt': 1,
    },
  )
    .lean<DayGroup>()
    .cursor({ batchSize: GROUP_BATCH });
  for await (const group of groupCursor) {
    groups.push(group);
    if (groups.length % GROUP_BATCH === 0) deps.progress(`groups ${groups.length}`);
  }
  const dayStart = new Date(chinaDayStartMs(day));
  const dayEnd = new Date(chinaDayStartMs(day) + 24 * 60 * 60 * 1000);
  const ourGroups = ownerGroupFigures(groups, groupMessages.rooms(), dayStart, dayEnd);

  // WeCom answers for its current members only: the staff WeCom still has.
  const staff = await StaffModel.find({ tenantId }, { userid: 1, deletedAt: 1 }).lean();
  const current = staff.filter((member) => !member.deletedAt).map((member) => member.userid);
  const wecom = await pullWecomDay(deps, input, current);

  const rolledUpAt = new Date();
  const staffRows = [...new Set([...eventFigures.keys(), ...chatFigures.keys(), ...wecom.staff.keys()])]
    .sort()
    .map((userid) => ({
      _id: `${tenantId}|${day}|${userid}`,
      tenantId,
      day,
      userid,
      ours: {
        ...(eventFigures.get(userid) ?? emptyEventFigures()),
        ...(chatFigures.get(userid) ?? emptyChatFigures()),
      },
      wecom: wecom.staff.get(userid) ?? null,
      rolledUpAt,
    }))
    .filter((row) => !allZero(row.ours) || !allZero(row.wecom));
  const ownerRows = [...new Set([...ourGroups.keys(), ...wecom.owners.keys()])]
    .sort()
    .map((owner) => ({
      _id: `${tenantId}|${day}|${owner}`,
      tenantId,
      day,
      owner,
      ours: ourGroups.get(owner) ?? emptyGroupFigures(),
      wecom: wecom.owners.get(owner) ?? null,
      rolledUpAt,
    }))
    .filter((row) => !allZero(row.ours) || !allZero(row.wecom));

  const removedStaff = await replaceDayRows(
    deps,
    StaffDayStatModel,
    staffDayStatReadModel as ListReadModel<unknown>,
    input,
    staffRows,
  );
  const removedOwners = await replaceDayRows(
    deps,
    OwnerDayGroupStatModel,
    ownerDayGroupStatReadModel as ListReadModel<unknown>,
    input,
    ownerRows,
  );
  return {
    staffRows: staffRows.length,
    ownerRows: ownerRows.length,
    removed: removedStaff + removedOwners,
    wecom: wecom.outcome,
  };
}
