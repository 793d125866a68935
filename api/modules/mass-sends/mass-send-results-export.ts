import type { Response } from 'express';
import {
  RECIPIENT_FAIL_LABELS,
  RECIPIENT_STATUS_LABELS,
  type MassSendResultExportQuery,
} from '../../../lib/contracts/mass-send.contract';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { allMassSendRecipients } from '../../../lib/search/mass-send-index';
import { chinaDateTime } from '../../../lib/text/china-time';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { streamXlsxDownload } from '../../http/xlsx-download';
import { visibleSend } from './mass-send.use-case';

/** Recipients per index page: bounded memory, one name lookup per page. */
const CHUNK = 500;

/**
 * 导出 the 发送结果 (issue 14, item 6): the detail's columns for every recipient of the tab (and member) in
 * force, in its order, streamed from the recipients' index to the response a page at a time.
 */
export async function streamMassSendResultsWorkbook(
  caller: Caller,
  { sendId, ...filter }: MassSendResultExportQuery & { sendId: string },
  { listSearch }: Pick<AppContext, 'listSearch'>,
  res: Response,
): Promise<void> {
  const send = await visibleSend(caller, sendId);
  const download = await streamXlsxDownload(res, {
    fileName: '群发结果.xlsx',
    sheetName: '发送结果',
    columns: [
      { header: '处理人', key: 'sender', width: 16 },
      { header: send.kind === 'groups' ? '客户群' : '客户', key: 'recipient', width: 24 },
      { header: '完成情况', key: 'outcome', width: 28 },
      { header: '完成时间', key: 'sentAt', width: 20 },
    ],
  });
  for await (const rows of allMassSendRecipients(listSearch, caller.tenantId, sendId, filter, CHUNK)) {
    const names = await staffNamesByUserid(
      caller.tenantId,
      rows.map((row) => row.senderUserid),
    );
    for (const row of rows) {
      const status = RECIPIENT_STATUS_LABELS[row.status];
      download.addRow({
        sender: names.get(row.senderUserid) ?? row.senderUserid,
        recipient: row.recipientName || row.recipientId,
        outcome: row.failReason ? `${status}（${RECIPIENT_FAIL_LABELS[row.failReason]}）` : status,
        sentAt: row.sentAt ? chinaDateTime(row.sentAt) : '-',
      });
    }
  }
  await download.finish();
}
