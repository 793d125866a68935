import type ExcelJS from 'exceljs';
import type { Response } from 'express';
import { formatMeanDuration, formatRatio } from '../../../lib/contracts/analytics-format';
import type {
  AnalyticsRangeQuery,
  GroupDetailRow,
  StaffContactExportQuery,
  StaffContactRow,
  StaffGroupExportQuery,
  StaffGroupRow,
} from '../../../lib/contracts/analytics.contract';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { streamXlsxDownload } from '../../http/xlsx-download';
import { groupDetailRows } from './customer-analysis.use-case';
import { eachDay } from './stat-aggregations';
import { staffContactRows, staffGroupRows } from './staff-analysis.use-case';

/**
 * 导出 of 群聊明细, 群成员明细, 客户沟通 and 客户群沟通 (R-6.1.3-04/06, R-6.2-02/04): the table's columns and
 * rows in its order, ratios and durations as the admin prints them (analytics-format.ts). Each is one
 * aggregation (≤366 days, or one bucket per member), written to the response row by row.
 */
type Deps = Pick<AppContext, 'listSearch'>;

const DETAIL_KEYS = [
  { header: '日期', key: 'day', width: 12 },
  { header: '员工/部门', key: 'scopeLabel', width: 24 },
];

const GROUP_DETAILS = {
  chats: {
    fileName: '群聊明细.xlsx',
    sheetName: '群聊明细',
    columns: [
      ...DETAIL_KEYS,
      { header: '群聊总数', key: 'chatTotal', width: 12 },
      { header: '新增群聊数', key: 'newChat', width: 12 },
      { header: '有过消息的群聊数', key: 'chatHasMsg', width: 18 },
    ],
  },
  members: {
    fileName: '群成员明细.xlsx',
    sheetName: '群成员明细',
    columns: [
      ...DETAIL_KEYS,
      { header: '群成员总数', key: 'memberTotal', width: 12 },
      { header: '新增群成员数', key: 'newMember', width: 14 },
      { header: '发过消息的群成员数', key: 'memberHasMsg', width: 20 },
    ],
  },
} as const;

/** 群聊明细 or 群成员明细: every day of the range, newest first, as the table. */
export async function streamGroupDetailWorkbook(
  caller: Caller,
  kind: keyof typeof GROUP_DETAILS,
  query: AnalyticsRangeQuery,
  deps: Deps,
  res: Response,
): Promise<void> {
  const rows: GroupDetailRow[] = await groupDetailRows(
    caller,
    { days: eachDay(query.from, query.to).reverse(), staff: query.staff },
    deps,
  );
  const { fileName, sheetName, columns } = GROUP_DETAILS[kind];
  const download = await streamXlsxDownload(res, { fileName, sheetName, columns: [...columns] });
  for (const row of rows) download.addRow(row);
  await download.finish();
}

/** 客户沟通 or 客户群沟通: how its rows are read, and the workbook they are written to. */
interface StaffWorkbook<Q, Row> {
  fileName: string;
  sheetName: string;
  columns: Array<Partial<ExcelJS.Column>>;
  rows: (caller: Caller, query: Q, deps: Deps) => Promise<{ rows: Row[] }>;
  /** The row as the sheet prints it, where that differs from the api's. */
  sheetRow?: (row: Row) => Record<string, unknown>;
}

/** 客户沟通: one row per member. */
export const STAFF_CONTACTS: StaffWorkbook<StaffContactExportQuery, StaffContactRow> = {
  fileName: '客户沟通.xlsx',
  sheetName: '客户沟通',
  columns: [
    { header: '成员', key: 'name', width: 16 },
    { header: '客户申请数', key: 'newApply', width: 12 },
    { header: '新增客户数', key: 'newContact', width: 12 },
    { header: '聊天总数', key: 'chatCnt', width: 12 },
    { header: '发送消息数', key: 'messageCnt', width: 12 },
    { header: '已回复聊天占比', key: 'replyRatio', width: 16 },
    { header: '平均首次回复时长', key: 'firstReply', width: 18 },
    { header: '删除/拉黑成员的客户数', key: 'deletedByCustomer', width: 22 },
  ],
  rows: staffContactRows,
  sheetRow: (row) => ({
    ...row,
    replyRatio: formatRatio(row.reply),
    firstReply: formatMeanDuration(row.firstReply),
  }),
};

/** 客户群沟通: one row per 群主. */
export const STAFF_GROUPS: StaffWorkbook<StaffGroupExportQuery, StaffGroupRow> = {
  fileName: '客户群沟通.xlsx',
  sheetName: '客户群沟通',
  columns: [
    { header: '群主', key: 'name', width: 16 },
    { header: '群总数', key: 'chatTotal', width: 10 },
    { header: '新增群聊数', key: 'newChat', width: 12 },
    { header: '有消息群聊数', key: 'chatHasMsg', width: 14 },
    { header: '群成员总数', key: 'memberTotal', width: 12 },
    { header: '新增群成员数', key: 'newMember', width: 14 },
    { header: '发过消息的群成员数', key: 'memberHasMsg', width: 20 },
    { header: '群聊消息总数', key: 'msgTotal', width: 14 },
  ],
  rows: staffGroupRows,
};

/** 客户沟通 or 客户群沟通: every row, in the table's order. */
export async function streamStaffWorkbook<Q, Row extends Record<string, unknown>>(
  workbook: StaffWorkbook<Q, Row>,
  caller: Caller,
  query: Q,
  deps: Deps,
  res: Response,
): Promise<void> {
  const { rows } = await workbook.rows(caller, query, deps);
  const { fileName, sheetName, columns } = workbook;
  const download = await streamXlsxDownload(res, { fileName, sheetName, columns });
  for (const row of rows) download.addRow(workbook.sheetRow?.(row) ?? row);
  await download.finish();
}
