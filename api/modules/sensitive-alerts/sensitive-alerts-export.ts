import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { StaffScope } from '../../../lib/access/data-scope';
import type { SensitiveAlertListQuery } from '../../../lib/contracts/sensitive-alerts.contract';
import { SensitiveAlertModel } from '../../../lib/models/sensitive-alert.model';
import { alertFilter, alertViews, NEWEST_FIRST, type StoredAlert } from './sensitive-alerts.use-case';

const BEHAVIOR_LABELS = {
  redpacket: '发红包',
  card: '发名片',
  'sensitive-message': '敏感消息',
  'delete-friend': '删除好友',
};
/** Names are looked up per this many rows: bounded memory, few reads. */
const CHUNK = 200;

const COLUMNS = [
  { header: '触发时间', key: 'triggeredAt', width: 20 },
  { header: '触发人', key: 'senderName', width: 16 },
  { header: '发送人类别', key: 'senderType', width: 10 },
  { header: '敏感行为', key: 'behavior', width: 10 },
  { header: '命中规则', key: 'ruleName', width: 14 },
  { header: '详情', key: 'content', width: 60 },
  { header: '好友/群名称', key: 'chatName', width: 20 },
];

/** China time, as the admin shows it (the product's users are in China). */
function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * 导出 (R-5.3.3-01, R-0-14): every row the list's filters match, 详情 in full, streamed row by row from a
 * database cursor into exceljs's streaming writer piped to the response: the workbook is never held in memory.
 */
export async function streamAlertsWorkbook(
  res: Response,
  tenantId: string,
  scope: StaffScope,
  query: Omit<SensitiveAlertListQuery, 'page' | 'pageSize'>,
): Promise<void> {
  const filter = await alertFilter(tenantId, scope, query);
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('敏感行为.xlsx')}`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('敏感行为');
  sheet.columns = COLUMNS;

  const writeChunk = async (rows: StoredAlert[]) => {
    for (const view of await alertViews(tenantId, rows)) {
      sheet
        .addRow({
          ...view,
          triggeredAt: chinaTime(view.triggeredAt),
          senderType: view.senderType === 'staff' ? '员工' : '客户',
          behavior: BEHAVIOR_LABELS[view.behavior],
          ruleName: view.ruleName ?? '-',
          content: view.behavior === 'delete-friend' ? '--' : view.content,
          chatName: view.chatName || '-',
        })
        .commit();
    }
  };
  let chunk: StoredAlert[] = [];
  for await (const row of SensitiveAlertModel.find(filter)
    .sort(NEWEST_FIRST)
    .lean<StoredAlert[]>()
    .cursor()) {
    chunk.push(row as StoredAlert);
    if (chunk.length === CHUNK) {
      await writeChunk(chunk);
      chunk = [];
    }
  }
  await writeChunk(chunk);
  sheet.commit();
  await workbook.commit();
}
