import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

import { ChangeTenantRequest, OpenTenantRequest, TenantSummary } from './platform.models';

/** The same rules as the server's createTenantSchema, so most mistakes are caught before sending. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,31}$/;
export const MOBILE_PATTERN = /^1\d{10}$/;

export interface TenantFormValue {
  id: string;
  name: string;
  seats: number | null;
  effectiveAt: Date | null;
  expiresAt: Date | null;
  adminName: string;
  adminMobile: string;
  adminPassword: string;
}

/** 到期时间须晚于生效时间, on the group so it re-checks when either date changes. */
export const expiresAfterEffective: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const effectiveAt = group.get('effectiveAt')?.value as Date | null;
  const expiresAt = group.get('expiresAt')?.value as Date | null;
  if (!effectiveAt || !expiresAt) return null;
  return expiresAt.getTime() > effectiveAt.getTime() ? null : { expiresBeforeEffective: true };
};

export function toOpenTenantRequest(value: TenantFormValue): OpenTenantRequest {
  return {
    id: value.id.trim(),
    name: value.name.trim(),
    seats: Number(value.seats),
    effectiveAt: value.effectiveAt!.toISOString(),
    expiresAt: value.expiresAt!.toISOString(),
    admin: { name: value.adminName.trim(), mobile: value.adminMobile.trim(), password: value.adminPassword },
  };
}

/** Only what changed, so an operator changing the seats never re-sends (and re-times) the dates. */
export function toChangeTenantRequest(before: TenantSummary, value: TenantFormValue): ChangeTenantRequest {
  const change: ChangeTenantRequest = {};
  if (Number(value.seats) !== before.seats) change.seats = Number(value.seats);
  const effectiveAt = value.effectiveAt!.toISOString();
  const expiresAt = value.expiresAt!.toISOString();
  if (Date.parse(effectiveAt) !== Date.parse(before.effectiveAt)) change.effectiveAt = effectiveAt;
  if (Date.parse(expiresAt) !== Date.parse(before.expiresAt)) change.expiresAt = expiresAt;
  return change;
}
