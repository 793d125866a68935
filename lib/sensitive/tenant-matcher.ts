import { SensitiveRuleModel, type Sentiment } from '../models/sensitive-rule.model';
import { currentRulesVersion } from './rules-version';
import { WordMatcher } from './word-matcher';

export interface MatchedRule {
  id: string;
  name: string;
  sentiment: Sentiment;
}

export interface TenantMatcher {
  version: number;
  matcher: WordMatcher<string>;
  rules: ReadonlyMap<string, MatchedRule>;
}

/**
 * The matcher of a tenant's enabled rules, built once per rule version and kept in this process: each batch
 * costs one _id lookup of the version stamp, and a change made through any api instance is seen by every
 * worker on its next batch.
 */
const cache = new Map<string, TenantMatcher>();

export async function tenantMatcher(tenantId: string): Promise<TenantMatcher> {
  const version = await currentRulesVersion(tenantId);
  const cached = cache.get(tenantId);
  if (cached && cached.version === version) return cached;

  const enabled = await SensitiveRuleModel.find(
    { tenantId, enabled: true, deletedAt: null },
    { name: 1, words: 1, sentiment: 1 },
  ).lean();
  const built: TenantMatcher = {
    version,
    matcher: new WordMatcher(enabled.map((rule) => ({ key: String(rule._id), words: rule.words }))),
    rules: new Map(
      enabled.map((rule) => [
        String(rule._id),
        { id: String(rule._id), name: rule.name, sentiment: rule.sentiment as Sentiment },
      ]),
    ),
  };
  cache.set(tenantId, built);
  return built;
}
