import type { Response } from 'express';
import type { CustomerLossFilter } from '../../../lib/contracts/customer-losses.contract';
import { allCustomerLossRows } from '../../../lib/search/customer-loss-index';
import { chinaDateTime } from '../../../lib/text/china-time';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { streamXlsxDownload } from '../../http/xlsx-download';
import { lossViews } from './customer-losses.use-case';

/** Names are looked up per this many rows: bounded memory, few reads. */
const CHUNK = 200;

const COLUMNS = [
  { header: '客户', key: 'customerName', width: 20 },
  { header: '员工', key: 'staffName', width: 14 },
  { header: '流失类型', key: 'kind', width: 14 },
  { header: '流失时间', key: 'lostAt', width: 20 },
  { header: '客户标签', key: 'tags', width: 30 },
  { header: '最近沟通时间', key: 'lastChatAt', width: 20 },
];

export const LOSS_KIND_LABELS = {
  deleted_by_customer: '客户删除员工',
  deleted_by_staff: '员工删除客户',
} as const;

/** 导出: every row the list's filters match, within 数据权限, streamed a page at a time from the index. */
export async function streamCustomerLossesWorkbook(
  caller: Caller,
  filter: CustomerLossFilter,
  { listSearch }: Pick<AppContext, 'listSearch'>,
  res: Response,
): Promise<void> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const download = await streamXlsxDownload(res, {
    fileName: '流失客户.xlsx',
    sheetName: '流失客户',
    columns: COLUMNS,
  });
  for await (const rows of allCustomerLossRows(listSearch, tenantId, scope, filter, CHUNK)) {
    for (const view of await lossViews(tenantId, rows)) {
      download.addRow({
        customerName: view.customerName || '-',
        staffName: view.staffName,
        kind: LOSS_KIND_LABELS[view.kind],
        lostAt: chinaDateTime(view.lostAt),
        tags: view.tagNames.join('、') || '-',
        lastChatAt: view.lastChatAt ? chinaDateTime(view.lastChatAt) : '-',
      });
    }
  }
  await download.finish();
}
