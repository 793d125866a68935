import type ExcelJS from 'exceljs';
import type { Response } from 'express';
import type {
  SensitiveAnalysisQuery,
  SensitiveRankingExportQuery,
  SensitiveRankingRow,
  SensitiveWordRankingRow,
} from '../../../lib/contracts/analytics.contract';
import { BEHAVIOR_LABELS } from '../../../lib/sensitive/alert-views';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { streamXlsxDownload } from '../../http/xlsx-download';
import {
  pageOfRanked,
  rankedSenders,
  rankedWordSenders,
  rankingRows,
  wordRankingRows,
} from './sensitive-analytics.use-case';

type Deps = Pick<AppContext, 'listSearch'>;
type Ranked = { id: string; rank: number };
type SheetRow = Record<string, unknown>;

/**
 * A ranking of the view's senders: computed in full (any order needs every sender's counts), then only
 * the rows shown are named, a page for the table, chunk after chunk for 导出.
 */
export interface SensitiveRanking<Q extends SensitiveAnalysisQuery, R extends Ranked, Row extends SheetRow> {
  rank: (caller: Caller, query: Q, deps: Deps) => Promise<R[]>;
  name: (tenantId: string, view: Q['view'], ranked: readonly R[]) => Promise<Row[]>;
  workbook: (query: Q) => { fileName: string; sheetName: string; columns: Array<Partial<ExcelJS.Column>> };
  /** The row as the sheet prints it, where that differs from the table's. */
  sheetRow?: (row: Row) => SheetRow;
}

/** 触发敏感行为排名 (R-6.3.1-08): 部门 beside a member, 跟进人 beside a customer, in the asked order. */
export const BEHAVIOR_RANKING: SensitiveRanking<
  SensitiveRankingExportQuery,
  Awaited<ReturnType<typeof rankedSenders>>[number],
  SensitiveRankingRow
> = {
  rank: rankedSenders,
  name: rankingRows,
  workbook: ({ view }) => ({
    fileName: view === 'staff' ? '触发敏感行为员工排名.xlsx' : '触发敏感行为客户排名.xlsx',
    sheetName: '触发敏感行为排名',
    columns: [
      { header: '排名', key: 'rank', width: 8 },
      { header: '姓名', key: 'name', width: 16 },
      { header: view === 'staff' ? '部门' : '跟进人', key: 'context', width: 20 },
      { header: BEHAVIOR_LABELS.redpacket, key: 'redpacket', width: 10 },
      { header: BEHAVIOR_LABELS.card, key: 'card', width: 10 },
      { header: BEHAVIOR_LABELS['sensitive-message'], key: 'sensitive-message', width: 10 },
      { header: BEHAVIOR_LABELS['delete-friend'], key: 'delete-friend', width: 10 },
      { header: '违规总次数', key: 'total', width: 12 },
    ],
  }),
  sheetRow: (row) => ({ ...row, context: row.context.join('、') || '-' }),
};

/** 敏感词触发排名 (R-6.3.2-03): most hits first. */
export const WORD_RANKING: SensitiveRanking<
  SensitiveAnalysisQuery,
  Awaited<ReturnType<typeof rankedWordSenders>>[number],
  SensitiveWordRankingRow
> = {
  rank: rankedWordSenders,
  name: wordRankingRows,
  workbook: () => ({
    fileName: '敏感词触发排名.xlsx',
    sheetName: '敏感词触发排名',
    columns: [
      { header: '排名', key: 'rank', width: 8 },
      { header: '姓名', key: 'name', width: 16 },
      { header: '敏感词触发次数', key: 'count', width: 14 },
    ],
  }),
};

/** The table's page of a ranking. */
export async function rankingPage<Q extends SensitiveAnalysisQuery, R extends Ranked, Row extends SheetRow>(
  ranking: SensitiveRanking<Q, R, Row>,
  caller: Caller,
  query: Q & { page: number; pageSize: number },
  deps: Deps,
): Promise<{ items: Row[]; total: number; page: number; pageSize: number }> {
  const ranked = await ranking.rank(caller, query, deps);
  return {
    items: await ranking.name(caller.tenantId, query.view, pageOfRanked(ranked, query.page, query.pageSize)),
    total: ranked.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Names are looked up per this many rows: bounded memory, few reads. */
const CHUNK = 200;

/** 导出 of a ranking: every row, in the table's order, streamed. */
export async function streamRankingWorkbook<
  Q extends SensitiveAnalysisQuery,
  R extends Ranked,
  Row extends SheetRow,
>(ranking: SensitiveRanking<Q, R, Row>, caller: Caller, query: Q, deps: Deps, res: Response): Promise<void> {
  const ranked = await ranking.rank(caller, query, deps);
  const download = await streamXlsxDownload(res, ranking.workbook(query));
  for (let start = 0; start < ranked.length; start += CHUNK)
    for (const row of await ranking.name(caller.tenantId, query.view, ranked.slice(start, start + CHUNK)))
      download.addRow(ranking.sheetRow?.(row) ?? row);
  await download.finish();
}
