import { SensitiveRulesVersionModel } from '../models/sensitive-rules-version.model';

/** The tenant's current rule version (0 before any rule was ever saved). */
export async function currentRulesVersion(tenantId: string): Promise<number> {
  const stamp = await SensitiveRulesVersionModel.findOne({ tenantId, _id: tenantId }).lean();
  return stamp?.version ?? 0;
}

/** Called after every change to a tenant's rules: the ingest's cached matchers rebuild on their next batch. */
export async function bumpRulesVersion(tenantId: string): Promise<void> {
  await SensitiveRulesVersionModel.updateOne(
    { tenantId, _id: tenantId },
    { $inc: { version: 1 }, $setOnInsert: { tenantId } },
    { upsert: true },
  );
}
