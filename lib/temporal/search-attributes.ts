import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';

/**
 * The custom search attributes that make our workflows findable in the Temporal UI
 * (`TenantId = "demo" AND EntityType = "org-sync"`). The local stack registers them at server start.
 */
export const TenantIdKey = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const EntityTypeKey = defineSearchAttributeKey('EntityType', SearchAttributeType.KEYWORD);
export const EntityIdKey = defineSearchAttributeKey('EntityId', SearchAttributeType.KEYWORD);

export const ALL_SEARCH_ATTRIBUTE_KEYS = [TenantIdKey, EntityTypeKey, EntityIdKey];

export function entitySearchAttributes(tenantId: string, entityType: string, entityId: string) {
  return new TypedSearchAttributes([
    { key: TenantIdKey, value: tenantId },
    { key: EntityTypeKey, value: entityType },
    { key: EntityIdKey, value: entityId },
  ]);
}
