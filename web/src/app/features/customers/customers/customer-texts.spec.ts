import { describe, expect, it } from 'vitest';

import {
  describeAdders,
  describeTaggingJob,
  describeTotal,
  EMPTY_FILTER,
  filterBody,
  filterParams,
} from './customer-texts';

const staff = (...names: string[]) => names.map((name, i) => ({ userid: `u${i}`, name }));

describe('customer list texts', () => {
  it('joins 添加人 with 、 and cuts after three with ... (R-3.1.1-12)', () => {
    expect(describeAdders(staff('甲'))).toBe('甲');
    expect(describeAdders(staff('甲', '乙', '丙'))).toBe('甲、乙、丙');
    expect(describeAdders(staff('甲', '乙', '丙', '丁'))).toBe('甲、乙、丙...');
    expect(describeAdders([])).toBe('-');
  });

  it('says when the total was capped', () => {
    expect(describeTotal(29, false)).toBe('共 29 条');
    expect(describeTotal(10000, true)).toBe('共 10000+ 条');
  });

  it('sends only the filters that are set, days in local time', () => {
    expect(filterParams(EMPTY_FILTER)).toEqual({});
    const params = filterParams({
      ...EMPTY_FILTER,
      keyword: '张',
      adderUserids: ['a', 'b'],
      addedRange: [new Date(2026, 10, 1, 15), new Date(2026, 10, 3)],
      tagIds: ['t1'],
      tagMatch: 'all',
    });
    expect(params).toEqual({
      keyword: '张',
      adderUserids: 'a,b',
      addedFrom: '2026-11-01',
      addedTo: '2026-11-03',
      tagIds: 't1',
      tagMatch: 'all',
    });
    expect(filterBody({ ...EMPTY_FILTER, tagIds: ['t1', 't2'], source: '官网' })).toEqual({
      source: '官网',
      tagIds: ['t1', 't2'],
      tagMatch: 'any',
      adderUserids: undefined,
      ownerUserids: undefined,
    });
  });

  it('reports the WeCom write-back of 打标签', () => {
    expect(describeTaggingJob({ status: 'running', customers: 3, failures: [] })).toBe(
      '已为 3 位客户保存标签，正在同步到企业微信…',
    );
    expect(describeTaggingJob({ status: 'completed', customers: 3, failures: [] })).toBe(
      '已为 3 位客户打标签，并已同步到企业微信',
    );
    expect(describeTaggingJob({ status: 'completed', customers: 3, failures: [{}] })).toContain(
      '1 个成员关系同步到企业微信失败',
    );
  });
});
