import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { customerIndexNames } from '../../lib/search/customer-index';
import type { TestApp } from './app-harness';
import type { Tally } from './fault-cells';

/**
 * A fault cell's end state of customers that came in (a customer sync, 客户联系 callbacks): each once in MongoDB,
 * one `added` event each, one customer-index document each. `onlyThese` when the tenant also holds other runs'
 * customers: only this run's are counted, so another run's cannot pass for doubles.
 */
export async function customerTallies(
  app: TestApp,
  { tenantId, customers, onlyThese }: { tenantId: string; customers: string[]; onlyThese: boolean },
): Promise<Tally[]> {
  const { es, indexPrefix } = app.listSearch;
  const alias = customerIndexNames(indexPrefix).alias;
  await es.indices.refresh({ index: alias });
  const these = onlyThese ? { externalUserid: { $in: customers } } : {};
  const [stored, added, indexed] = await Promise.all([
    CustomerModel.find({ tenantId, ...these }, { externalUserid: 1 }).lean(),
    CustomerEventModel.find({ tenantId, kind: 'added', ...these }, { externalUserid: 1 }).lean(),
    es.search<{ externalUserid: string }>({
      index: alias,
      query: {
        bool: {
          filter: [{ term: { tenantId } }, ...(onlyThese ? [{ terms: { externalUserid: customers } }] : [])],
        },
      },
      // Room for every document twice over, so that doubles show.
      size: 4 * customers.length + 10,
      _source: ['externalUserid'],
    }),
  ]);
  return [
    { what: 'customers in MongoDB', expected: customers, observed: stored.map((c) => c.externalUserid) },
    { what: 'added events', expected: customers, observed: added.map((e) => e.externalUserid) },
    {
      what: 'customer documents',
      expected: customers,
      observed: indexed.hits.hits.map((hit) => hit._source!.externalUserid),
    },
  ];
}
