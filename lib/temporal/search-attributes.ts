import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';

/**
 * The custom search attributes that make our workflows findable in the Temporal UI
 * (`TenantId = "demo" AND EntityType = "org-sync"`). The local stack registers them at server start.
 */
export const TenantIdKey = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const EntityTypeKey = defineSearchAttributeKey('EntityType', SearchAttributeType.KEYWORD);
export const EntityIdKey = defineSearchAttributeKey('EntityId', SearchAttributeType.KEYWORD);
/** Where a long-lived entity's workflow stands (a 群发: scheduled, sending, sent…), kept current by it. */
export const EntityStatusKey = defineSearchAttributeKey('EntityStatus', SearchAttributeType.KEYWORD);
/** The staff member (userid) who created the entity. */
export const CreatedByKey = defineSearchAttributeKey('CreatedBy', SearchAttributeType.KEYWORD);

export const ALL_SEARCH_ATTRIBUTE_KEYS = [
  TenantIdKey,
  EntityTypeKey,
  EntityIdKey,
  EntityStatusKey,
  CreatedByKey,
];

export function entitySearchAttributes(tenantId: string, entityType: string, entityId: string) {
  return new TypedSearchAttributes([
    { key: TenantIdKey, value: tenantId },
    { key: EntityTypeKey, value: entityType },
    { key: EntityIdKey, value: entityId },
  ]);
}
