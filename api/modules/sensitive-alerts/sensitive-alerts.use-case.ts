import { staffScopeFilter } from '../../../lib/access/data-scope';
import type {
  SensitiveAlertListQuery,
  SensitiveAlertView,
} from '../../../lib/contracts/sensitive-alerts.contract';
import { SensitiveAlertModel } from '../../../lib/models/sensitive-alert.model';
import { alertViews, type StoredAlert } from '../../../lib/sensitive/alert-views';
import { searchSensitiveAlertRows } from '../../../lib/search/sensitive-alert-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { alertNotFound } from './sensitive-alert-review.use-case';

/**
 * 敏感行为列表: newest first, by 状态, 敏感行为 and 触发时间, searched by 发送人 or 审核人 name,
 * within the caller's 数据权限 (rows of conversations with a member in scope). The page and its count come
 * from the Elasticsearch read model (lib/search/sensitive-alert-index.ts), names for its rows by key.
 */
export async function listAlerts(
  caller: Caller,
  query: SensitiveAlertListQuery,
  { listSearch }: Pick<AppContext, 'listSearch'>,
) {
  const { tenantId } = caller;
  const { rows, total } = await searchSensitiveAlertRows(listSearch, tenantId, await caller.scope(), query);
  return { items: await alertViews(tenantId, rows), total, page: query.page, pageSize: query.pageSize };
}

/** One alert as the list shows it: what the app message's review link opens the dialog on. */
export async function getAlert(
  caller: Caller,
  { alertId }: { alertId: string },
): Promise<SensitiveAlertView> {
  const { tenantId } = caller;
  const row = await SensitiveAlertModel.findOne({
    tenantId,
    _id: alertId,
    ...staffScopeFilter(await caller.scope(), 'staffUserids'),
  }).lean<StoredAlert>();
  if (!row) throw alertNotFound();
  return (await alertViews(tenantId, [row]))[0];
}
