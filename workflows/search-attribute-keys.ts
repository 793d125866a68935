import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes that make our workflows findable in the Temporal UI
 * (`TenantId = "demo" AND EntityType = "org-sync"`), registered at server start from
 * temporal-config/search-attributes.json. Defined here, where workflows may import them (to keep a status
 * current); starters set them through lib/temporal/search-attributes.ts.
 */
export const TenantIdKey = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const EntityTypeKey = defineSearchAttributeKey('EntityType', SearchAttributeType.KEYWORD);
export const EntityIdKey = defineSearchAttributeKey('EntityId', SearchAttributeType.KEYWORD);
/** Where a long-lived entity's workflow stands (a 群发: scheduled, sending, sent…), kept current by it. */
export const EntityStatusKey = defineSearchAttributeKey('EntityStatus', SearchAttributeType.KEYWORD);
/** The staff member (userid) who created the entity. */
export const CreatedByKey = defineSearchAttributeKey('CreatedBy', SearchAttributeType.KEYWORD);
