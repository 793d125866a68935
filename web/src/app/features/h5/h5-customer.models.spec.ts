import { customerSuffix, minuteLabel, orNone, tagChangeOf } from './h5-customer.models';

describe('H5 客户资料 labels (R-3.1.4-01)', () => {
  it('names the kind of customer', () => {
    expect(customerSuffix({ type: 1, wecomCorpName: '' })).toBe('@微信');
    expect(customerSuffix({ type: 2, wecomCorpName: '某公司' })).toBe('@某公司');
  });

  it('shows 暂无 for empty details and the time to the minute', () => {
    expect(orNone(' ')).toBe('暂无');
    expect(orNone('13900000000')).toBe('13900000000');
    expect(minuteLabel(null)).toBe('暂无');
    expect(minuteLabel(new Date(2026, 10, 1, 9, 5, 30).toISOString())).toBe('2026-11-01 09:05');
  });

  it('turns the tags chosen in the side panel into what to add and what to remove (R-3.1.4-03)', () => {
    const current = [{ id: 'a' }, { id: 'b' }];
    expect(tagChangeOf(current, ['b', 'c'])).toEqual({ addTagIds: ['c'], removeTagIds: ['a'] });
    expect(tagChangeOf(current, ['a', 'b'])).toEqual({ addTagIds: [], removeTagIds: [] });
  });
});
