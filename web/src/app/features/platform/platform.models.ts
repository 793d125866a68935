import type {
  CreateTenant,
  UpdateTenant,
  platformOperatorSchema,
  tenantPageSchema,
} from '@contracts/platform.contract';
import type { z } from 'zod';

/** Shapes of /api/platform (lib/contracts/platform.contract.ts). */
export type TenantPage = z.infer<typeof tenantPageSchema>;
export type TenantSummary = TenantPage['items'][number];
export type TenantPhase = TenantSummary['phase'];
export type OpenTenantRequest = CreateTenant;
export type ChangeTenantRequest = UpdateTenant;
export type PlatformOperator = z.infer<typeof platformOperatorSchema>;

export const PHASE_LABELS: Record<TenantPhase, { text: string; color: string }> = {
  pending: { text: '未生效', color: 'default' },
  active: { text: '生效中', color: 'green' },
  expired: { text: '已到期', color: 'red' },
};
