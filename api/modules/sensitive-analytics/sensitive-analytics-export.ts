import type { Response } from 'express';
import type {
  SensitiveAnalysisQuery,
  SensitiveRankingExportQuery,
} from '../../../lib/contracts/analytics.contract';
import { BEHAVIOR_LABELS } from '../../../lib/sensitive/alert-views';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { streamXlsxDownload } from '../../http/xlsx-download';
import {
  rankedSenders,
  rankedWordSenders,
  rankingRows,
  wordRankingRows,
} from './sensitive-analytics.use-case';

/** Names are looked up per this many rows: bounded memory, few reads. */
const CHUNK = 200;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) out.push(rows.slice(start, start + CHUNK));
  return out;
}

/** 触发敏感行为排名 导出 (R-6.3.1-08): every row of the ranking, in the table's order, streamed. */
export async function streamRankingWorkbook(
  caller: Caller,
  query: SensitiveRankingExportQuery,
  deps: Pick<AppContext, 'listSearch'>,
  res: Response,
): Promise<void> {
  const ranked = await rankedSenders(caller, query, deps);
  const staff = query.view === 'staff';
  const download = streamXlsxDownload(res, {
    fileName: staff ? '触发敏感行为员工排名.xlsx' : '触发敏感行为客户排名.xlsx',
    sheetName: '触发敏感行为排名',
    columns: [
      { header: '排名', key: 'rank', width: 8 },
      { header: '姓名', key: 'name', width: 16 },
      { header: staff ? '部门' : '跟进人', key: 'context', width: 20 },
      { header: BEHAVIOR_LABELS.redpacket, key: 'redpacket', width: 10 },
      { header: BEHAVIOR_LABELS.card, key: 'card', width: 10 },
      { header: BEHAVIOR_LABELS['sensitive-message'], key: 'sensitive-message', width: 10 },
      { header: BEHAVIOR_LABELS['delete-friend'], key: 'delete-friend', width: 10 },
      { header: '违规总次数', key: 'total', width: 12 },
    ],
  });
  for (const chunk of chunks(ranked))
    for (const row of await rankingRows(caller.tenantId, query.view, chunk))
      download.addRow({ ...row, context: row.context.join('、') || '-' });
  await download.finish();
}

/** 敏感词触发排名 导出 (R-6.3.2-03): every row, most hits first, streamed. */
export async function streamWordRankingWorkbook(
  caller: Caller,
  query: SensitiveAnalysisQuery,
  deps: Pick<AppContext, 'listSearch'>,
  res: Response,
): Promise<void> {
  const ranked = await rankedWordSenders(caller, query, deps);
  const download = streamXlsxDownload(res, {
    fileName: '敏感词触发排名.xlsx',
    sheetName: '敏感词触发排名',
    columns: [
      { header: '排名', key: 'rank', width: 8 },
      { header: '姓名', key: 'name', width: 16 },
      { header: '敏感词触发次数', key: 'count', width: 14 },
    ],
  });
  for (const chunk of chunks(ranked))
    for (const row of await wordRankingRows(caller.tenantId, query.view, chunk)) download.addRow(row);
  await download.finish();
}
