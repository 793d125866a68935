import { cloudFontSize, membersWithTag, trendChartOption } from './group-portrait';
import { ExternalMember } from './customer-groups.models';

const member = (userid: string, tagIds: string[]): ExternalMember => ({
  userid,
  name: userid,
  corpName: '',
  tags: tagIds.map((id) => ({ id, name: id, color: 'blue' })),
  joinScene: 1,
  joinedAt: null,
  followers: [],
});

describe('群画像', () => {
  it('draws the most carried tag largest and the least carried smallest', () => {
    expect(cloudFontSize(10, 10)).toBe(32);
    expect(cloudFontSize(1, 10)).toBe(12);
    expect(cloudFontSize(3, 3)).toBeGreaterThan(cloudFontSize(2, 3));
    expect(cloudFontSize(1, 1)).toBe(16);
  });

  it('a cloud tag filters the external members; no tag shows all', () => {
    const members = [member('a', ['vip']), member('b', []), member('c', ['vip', 'x'])];
    expect(membersWithTag(members, 'vip').map((m) => m.userid)).toEqual(['a', 'c']);
    expect(membersWithTag(members, null)).toHaveLength(3);
  });

  it('the trend has one point per day for staff and for customers', () => {
    const option = trendChartOption({
      archived: false,
      days: [
        { date: '2026-11-24', staff: 0, customers: 0 },
        { date: '2026-11-25', staff: 2, customers: 5 },
      ],
    }) as { xAxis: { data: string[] }; series: Array<{ data: number[] }> };
    expect(option.xAxis.data).toEqual(['11-24', '11-25']);
    expect(option.series.map((s) => s.data)).toEqual([
      [0, 2],
      [0, 5],
    ]);
  });
});
