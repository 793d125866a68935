import { describe, expect, it } from 'vitest';

import { statusLabel, udeskHost } from './integrations.models';

describe('系统对接 helpers', () => {
  it('keeps the host of what the admin pastes as Udesk域名', () => {
    expect(udeskHost(' https://Demo.udesk.cn/entry/ ')).toBe('demo.udesk.cn');
    expect(udeskHost('kuka.s2.udesk.cn')).toBe('kuka.s2.udesk.cn');
    expect(udeskHost('')).toBe('');
  });

  it('names the status as the manual does (R-7.5-01)', () => {
    expect(statusLabel(true)).toBe('已开启');
    expect(statusLabel(false)).toBe('未开启');
  });
});
