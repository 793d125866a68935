/** Shapes of /api/platform (lib/contracts/platform.contract.ts on the server). */
export type TenantPhase = 'pending' | 'active' | 'expired';

export interface TenantSummary {
  id: string;
  name: string;
  seats: number;
  seatsUsed: number;
  effectiveAt: string;
  expiresAt: string;
  phase: TenantPhase;
  wecomBound: boolean;
}

export interface TenantPage {
  items: TenantSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OpenTenantRequest {
  id: string;
  name: string;
  seats: number;
  effectiveAt: string;
  expiresAt: string;
  admin: { name: string; mobile: string; password: string };
}

export type ChangeTenantRequest = Partial<Pick<OpenTenantRequest, 'seats' | 'effectiveAt' | 'expiresAt'>>;

export interface PlatformOperator {
  username: string;
  name: string;
}

export const PHASE_LABELS: Record<TenantPhase, { text: string; color: string }> = {
  pending: { text: '未生效', color: 'default' },
  active: { text: '生效中', color: 'green' },
  expired: { text: '已到期', color: 'red' },
};
