import { TypedSearchAttributes } from '@temporalio/common';

import {
  CreatedByKey,
  EntityIdKey,
  EntityStatusKey,
  EntityTypeKey,
  TenantIdKey,
} from '../../workflows/search-attribute-keys';

export { CreatedByKey, EntityIdKey, EntityStatusKey, EntityTypeKey, TenantIdKey };

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

/** A 群发-like entity's attributes: its tenant, type and id, its status (kept current by its workflow) and creator. */
export function trackedEntitySearchAttributes(
  entity: { tenantId: string; type: string; id: string },
  status: string,
  createdBy: string,
) {
  return new TypedSearchAttributes([
    { key: TenantIdKey, value: entity.tenantId },
    { key: EntityTypeKey, value: entity.type },
    { key: EntityIdKey, value: entity.id },
    { key: EntityStatusKey, value: status },
    { key: CreatedByKey, value: createdBy },
  ]);
}
