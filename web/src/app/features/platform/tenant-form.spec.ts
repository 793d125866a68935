import { FormControl, FormGroup } from '@angular/forms';

import { TenantSummary } from './platform.models';
import {
  expiresAfterEffective,
  MOBILE_PATTERN,
  TENANT_ID_PATTERN,
  TenantFormValue,
  toChangeTenantRequest,
  toOpenTenantRequest,
} from './tenant-form';

const value: TenantFormValue = {
  id: ' acme ',
  name: ' 阿克米 ',
  seats: 10,
  effectiveAt: new Date('2026-01-01T00:00:00Z'),
  expiresAt: new Date('2027-01-01T00:00:00Z'),
  adminName: ' 张三 ',
  adminMobile: '13800000000',
  adminPassword: 'Secret@123',
};

describe('tenant form', () => {
  it('builds the opening request with trimmed texts and ISO dates', () => {
    expect(toOpenTenantRequest(value)).toEqual({
      id: 'acme',
      name: '阿克米',
      seats: 10,
      effectiveAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2027-01-01T00:00:00.000Z',
      admin: { name: '张三', mobile: '13800000000', password: 'Secret@123' },
    });
  });

  it('sends only what changed', () => {
    const before: TenantSummary = {
      id: 'acme',
      name: '阿克米',
      seats: 10,
      seatsUsed: 3,
      effectiveAt: '2026-01-01T08:00:00+08:00',
      expiresAt: '2027-01-01T00:00:00.000Z',
      phase: 'active',
      wecomBound: false,
    };
    expect(toChangeTenantRequest(before, value)).toEqual({});
    expect(toChangeTenantRequest(before, { ...value, seats: 12 })).toEqual({ seats: 12 });
    expect(toChangeTenantRequest(before, { ...value, expiresAt: new Date('2028-01-01T00:00:00Z') })).toEqual({
      expiresAt: '2028-01-01T00:00:00.000Z',
    });
  });

  it('refuses an expiry that is not after the start', () => {
    const group = new FormGroup(
      {
        effectiveAt: new FormControl<Date | null>(new Date('2026-01-02T00:00:00Z')),
        expiresAt: new FormControl<Date | null>(new Date('2026-01-01T00:00:00Z')),
      },
      { validators: expiresAfterEffective },
    );
    expect(group.errors).toEqual({ expiresBeforeEffective: true });
    group.controls.expiresAt.setValue(new Date('2026-02-01T00:00:00Z'));
    expect(group.errors).toBeNull();
  });

  it('checks ids and mobiles like the server', () => {
    expect(TENANT_ID_PATTERN.test('acme-2')).toBe(true);
    expect(TENANT_ID_PATTERN.test('Acme')).toBe(false);
    expect(MOBILE_PATTERN.test('13800000000')).toBe(true);
    expect(MOBILE_PATTERN.test('2380000000')).toBe(false);
  });
});
