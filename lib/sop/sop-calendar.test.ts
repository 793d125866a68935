import { chinaHourOf } from './sop-calendar';

describe('chinaHourOf', () => {
  it('names the China hour, across the UTC day boundary', () => {
    expect(chinaHourOf(Date.parse('2026-12-05T12:34:56Z'))).toBe('2026-12-05 20:00');
    expect(chinaHourOf(Date.parse('2026-12-05T16:00:00Z'))).toBe('2026-12-06 00:00');
    expect(chinaHourOf(Date.parse('2026-12-31T15:59:59Z'))).toBe('2026-12-31 23:00');
  });
});
