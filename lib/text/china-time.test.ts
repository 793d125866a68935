import { chinaDateTime } from './china-time';

describe('chinaDateTime', () => {
  it('shows an instant in China time, to the second', () => {
    expect(chinaDateTime('2026-12-04T16:30:05.123Z')).toBe('2026-12-05 00:30:05');
    expect(chinaDateTime(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01 08:00:00');
  });
});
