import type { Response } from 'express';
import type { SensitiveAlertListQuery } from '../../../lib/contracts/sensitive-alerts.contract';
import {
  alertViews,
  BEHAVIOR_LABELS,
  VERDICT_LABELS,
  type StoredAlert,
} from '../../../lib/sensitive/alert-views';
import { allSensitiveAlertRows } from '../../../lib/search/sensitive-alert-index';
import { chinaDateTime } from '../../../lib/text/china-time';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { streamXlsxDownload } from '../../http/xlsx-download';

/** Names are looked up per this many rows: bounded memory, few reads. */
const CHUNK = 200;

/** The list's columns (R-5.3.1-04) but 操作, with the rule and the review's note besides. */
const COLUMNS = [
  { header: '触发时间', key: 'triggeredAt', width: 20 },
  { header: '触发人', key: 'senderName', width: 16 },
  { header: '发送人类别', key: 'senderType', width: 10 },
  { header: '敏感行为', key: 'behavior', width: 10 },
  { header: '命中规则', key: 'ruleName', width: 14 },
  { header: '好友/群名称', key: 'chatName', width: 20 },
  { header: '详情', key: 'content', width: 60 },
  { header: '状态', key: 'status', width: 10 },
  { header: '审核结果', key: 'verdict', width: 10 },
  { header: '审核人', key: 'reviewerName', width: 12 },
  { header: '审核时间', key: 'reviewedAt', width: 20 },
  { header: '备注', key: 'reviewNote', width: 30 },
];

/**
 * 导出 (R-5.3.3-01, R-0-14): every row the list's filters and search match, 详情 in full, streamed a page at a
 * time from the search index to the response.
 */
export async function streamAlertsWorkbook(
  caller: Caller,
  query: Omit<SensitiveAlertListQuery, 'page' | 'pageSize'>,
  { listSearch: search }: Pick<AppContext, 'listSearch'>,
  res: Response,
): Promise<void> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const download = await streamXlsxDownload(res, {
    fileName: '敏感行为.xlsx',
    sheetName: '敏感行为',
    columns: COLUMNS,
  });

  const writeChunk = async (rows: StoredAlert[]) => {
    for (const view of await alertViews(tenantId, rows)) {
      download.addRow({
        ...view,
        triggeredAt: chinaDateTime(view.triggeredAt),
        senderType: view.senderType === 'staff' ? '员工' : '客户',
        behavior: BEHAVIOR_LABELS[view.behavior],
        ruleName: view.ruleName ?? '-',
        chatName: view.chatName || '-',
        // 状态, then the latest review's 审核结果, 审核人 and 审核时间; "-" while unreviewed (R-5.3.1-09/10).
        status: view.status === 'pending' ? '未审核' : '已审核',
        verdict: view.status === 'pending' ? '-' : VERDICT_LABELS[view.status],
        reviewerName: view.reviewerName ?? '-',
        reviewedAt: view.reviewedAt ? chinaDateTime(view.reviewedAt) : '-',
        reviewNote: view.reviewNote || '-',
      });
    }
  };
  // The list's own query, paged through the index in its order: the export never shows more than the list.
  for await (const rows of allSensitiveAlertRows(search, tenantId, scope, query, CHUNK))
    await writeChunk(rows);
  await download.finish();
}
