import type { estypes } from '@elastic/elasticsearch';
import { dayRange } from '../customer-groups/china-days';

/** An Elasticsearch range on a date field from optional inclusive China days (YYYY-MM-DD); none without days. */
export function esDayRange(
  field: string,
  from?: string,
  to?: string,
): estypes.QueryDslQueryContainer | undefined {
  const range = dayRange(from, to);
  if (!range) return undefined;
  return {
    range: {
      [field]: {
        ...(range.$gte ? { gte: range.$gte.toISOString() } : {}),
        ...(range.$lt ? { lt: range.$lt.toISOString() } : {}),
      },
    },
  };
}
