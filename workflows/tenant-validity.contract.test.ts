import { nextPhaseChangeAt, phaseAt } from './tenant-validity.contract';

const window = { effectiveAt: '2026-01-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z' };

describe('phaseAt', () => {
  it('is pending before 生效时间, active from it, expired from 到期时间 on', () => {
    expect(phaseAt(window, Date.parse('2025-12-31T23:59:59.999Z'))).toBe('pending');
    expect(phaseAt(window, Date.parse('2026-01-01T00:00:00.000Z'))).toBe('active');
    expect(phaseAt(window, Date.parse('2026-12-31T23:59:59.999Z'))).toBe('active');
    expect(phaseAt(window, Date.parse('2027-01-01T00:00:00.000Z'))).toBe('expired');
  });
});

describe('nextPhaseChangeAt', () => {
  it('is 生效时间 while pending, 到期时间 while active, and nothing once expired', () => {
    expect(nextPhaseChangeAt(window, Date.parse('2025-06-01T00:00:00Z'))).toBe(
      Date.parse(window.effectiveAt),
    );
    expect(nextPhaseChangeAt(window, Date.parse('2026-06-01T00:00:00Z'))).toBe(Date.parse(window.expiresAt));
    expect(nextPhaseChangeAt(window, Date.parse('2027-06-01T00:00:00Z'))).toBeUndefined();
  });
});
