import type { estypes } from '@elastic/elasticsearch';
import type { ArchiveCustomerPage, ArchiveCustomersQuery } from '../../../lib/contracts/archive.contract';
import { ArchiveConsentModel } from '../../../lib/models/archive-consent.model';
import type { CustomerSearchDocument } from '../../../lib/search/customer-index';
import { withCustomerIndex } from '../../../lib/search/customer-search-context';
import { substringPhrase } from '../../../lib/search/substring-tokens';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';

/** Counted exactly up to this many; the pager's reach at 20 a page is far below it. */
const COUNT_UP_TO = 10_000;

/**
 * 按客户检索's customer list (R-5.1.2-01): customers with archived conversations who agreed to archiving with at
 * least one archived member (`archive_consents`, read by the consent sync), last communication first, fuzzy by
 * name, within 数据权限. Sorted and searched in the customer index: on MongoDB-wire FerretDB the same filter
 * (an `$in`, a range and a sort) read every customer of the tenant for each page.
 */
export async function listArchiveCustomers(
  caller: Caller,
  query: ArchiveCustomersQuery,
  { customerSearch: search }: Pick<AppContext, 'customerSearch'>,
): Promise<ArchiveCustomerPage> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const agreed = (await ArchiveConsentModel.distinct('externalUserid', {
    tenantId,
    agreed: true,
  })) as string[];
  if (agreed.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const filter: estypes.QueryDslQueryContainer[] = [
    { term: { tenantId } },
    { terms: { externalUserid: agreed } },
    { exists: { field: 'lastContactAt' } },
  ];
  if (!scope.all) filter.push({ terms: { adderUserids: scope.userids } });
  if (query.keyword) {
    const { field, phrase } = substringPhrase(query.keyword);
    filter.push({ match_phrase: { [`name.${field}`]: { query: phrase, analyzer: 'standard' } } });
  }
  const result = await withCustomerIndex(search, () =>
    search.es.search<Pick<CustomerSearchDocument, 'row'>>({
      index: search.names.alias,
      query: { bool: { filter } },
      sort: [{ lastContactAt: { order: 'desc' } }, { mongoId: { order: 'desc' } }],
      from: (query.page - 1) * query.pageSize,
      size: query.pageSize,
      track_total_hits: COUNT_UP_TO,
      _source: ['row'],
    }),
  );
  const total = result.hits.total;
  return {
    items: result.hits.hits.flatMap(({ _source }) =>
      _source?.row.lastContactAt
        ? [
            {
              externalUserid: _source.row.externalUserid,
              name: _source.row.name ?? '',
              avatar: _source.row.avatar ?? '',
              type: _source.row.type ?? null,
              lastContactAt: _source.row.lastContactAt,
            },
          ]
        : [],
    ),
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
