import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import type { ArchiveCustomerPage, ArchiveCustomersQuery } from '../../../lib/contracts/archive.contract';
import { ArchiveConsentModel } from '../../../lib/models/archive-consent.model';
import { CustomerModel } from '../../../lib/models/customer.model';

const fuzzy = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/**
 * 按客户检索's customer list (R-5.1.2-01): customers with archived conversations who agreed to archiving with at
 * least one archived member (`archive_consents`, read by the consent sync), last communication first, fuzzy by
 * name, within 数据权限.
 */
export async function listArchiveCustomers(
  tenantId: string,
  scope: StaffScope,
  query: ArchiveCustomersQuery,
): Promise<ArchiveCustomerPage> {
  const agreed = (await ArchiveConsentModel.distinct('externalUserid', {
    tenantId,
    agreed: true,
  })) as string[];
  const filter: Record<string, unknown> = {
    tenantId,
    externalUserid: { $in: agreed },
    lastContactAt: { $exists: true, $ne: null },
    ...staffScopeFilter(scope, 'adderUserids'),
  };
  if (query.keyword) filter.name = fuzzy(query.keyword);
  const [rows, total] = await Promise.all([
    CustomerModel.find(filter, { externalUserid: 1, name: 1, avatar: 1, type: 1, lastContactAt: 1 })
      .sort({ lastContactAt: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    CustomerModel.countDocuments(filter),
  ]);
  return {
    items: rows.map((row) => ({
      externalUserid: row.externalUserid,
      name: row.name,
      avatar: row.avatar,
      type: row.type ?? null,
      lastContactAt: row.lastContactAt!.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
