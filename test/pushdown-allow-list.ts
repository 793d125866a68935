/**
 * Query shapes the integration and e2e suites send that FerretDB (PostgreSQL backend) does not push down, or
 * pushes only partly, reviewed one by one (DESIGN.md, "key-only rule"; the check: scripts/stack/pushdown-check.ts).
 * A shape here is either bounded (a tenant's settings, roles, staff…: small whatever the tenant's data) or a
 * known debt that grows with the tenant's data, written as such so that it stays visible.
 */
export interface AllowedShape {
  collection: string;
  command: string;
  /** The shape as the check prints it (lib/db/query-shapes.ts). */
  shape: string;
  reason: string;
}

export const PUSHDOWN_ALLOW_LIST: AllowedShape[] = [];
