import type { Query, Schema } from 'mongoose';

/**
 * Tenant isolation in one place: every query on a tenant-owned collection must name its tenant.
 * A query without `tenantId` in its filter throws instead of silently reading another tenant's data.
 * The rare cross-tenant read (login by phone number) opts out explicitly with `{ crossTenant: true }`.
 */
const QUERY_OPERATIONS: Array<
  | 'countDocuments'
  | 'deleteMany'
  | 'deleteOne'
  | 'distinct'
  | 'find'
  | 'findOne'
  | 'findOneAndDelete'
  | 'findOneAndReplace'
  | 'findOneAndUpdate'
  | 'replaceOne'
  | 'updateMany'
  | 'updateOne'
> = [
  'countDocuments',
  'deleteMany',
  'deleteOne',
  'distinct',
  'find',
  'findOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
];

export class MissingTenantScopeError extends Error {
  constructor(model: string, operation: string) {
    super(`${model}.${operation} ran without a tenantId filter`);
    this.name = 'MissingTenantScopeError';
  }
}

export function tenantScopePlugin(schema: Schema): void {
  schema.pre(QUERY_OPERATIONS, function ensureTenantInFilter(this: Query<unknown, unknown>) {
    if (this.getOptions().crossTenant) return;
    if (this.getFilter().tenantId === undefined) {
      throw new MissingTenantScopeError(
        this.model.modelName,
        String((this as { op?: string }).op ?? 'query'),
      );
    }
  });

  schema.pre('aggregate', function ensureTenantInFirstMatch() {
    const [first] = this.pipeline();
    const match = first && '$match' in first ? (first.$match as Record<string, unknown>) : undefined;
    if (!match || match.tenantId === undefined) {
      throw new MissingTenantScopeError(this.model().modelName, 'aggregate');
    }
  });
}

declare module 'mongoose' {
  interface MongooseQueryOptions {
    /** Deliberately read across tenants; see tenantScopePlugin. */
    crossTenant?: boolean;
  }
}
