import {
  describeChoice,
  onjobCustomerQuery,
  onjobHandoverRequest,
  resignedFilterParams,
  resignedHandoverRequests,
  statusText,
  toResignedFilters,
} from './handovers.models';

const row = (handoverUserid: string, externalUserid: string) => ({
  handoverUserid,
  handoverName: handoverUserid,
  externalUserid,
  customerName: externalUserid,
  dimissionAt: '2026-11-01T00:00:00.000Z',
});

describe('离职继承 filter bar', () => {
  it('leaves empty fields out', () => {
    expect(toResignedFilters({ handoverUserid: null, range: [] })).toEqual({});
    expect(resignedFilterParams({}).toString()).toBe('');
  });

  it('sends the member and whole days of the 离职日期 range', () => {
    const filters = toResignedFilters({
      handoverUserid: 'lisi',
      range: [new Date(2026, 10, 1, 13), new Date(2026, 10, 5, 9)],
    });
    expect(resignedFilterParams(filters).toString()).toBe(
      'handoverUserid=lisi&dimissionFrom=2026-11-01&dimissionTo=2026-11-05',
    );
  });
});

describe('分配 requests', () => {
  it('makes one resigned handover per 原跟进成员', () => {
    expect(resignedHandoverRequests([row('a', 'c1'), row('b', 'c2'), row('a', 'c3')], 'z')).toEqual([
      {
        kind: 'resigned',
        handoverUserid: 'a',
        takeoverUserid: 'z',
        externalUserids: ['c1', 'c3'],
        chatIds: [],
      },
      { kind: 'resigned', handoverUserid: 'b', takeoverUserid: 'z', externalUserids: ['c2'], chatIds: [] },
    ]);
  });

  it('hands a member’s chosen groups with their customers, one request per member', () => {
    const group = (handoverUserid: string, chatId: string) => ({
      handoverUserid,
      handoverName: handoverUserid,
      chatId,
      groupName: chatId,
      memberCount: 3,
    });
    expect(resignedHandoverRequests([row('a', 'c1')], 'z', [group('b', 'g1'), group('a', 'g2')])).toEqual([
      {
        kind: 'resigned',
        handoverUserid: 'a',
        takeoverUserid: 'z',
        externalUserids: ['c1'],
        chatIds: ['g2'],
      },
      { kind: 'resigned', handoverUserid: 'b', takeoverUserid: 'z', externalUserids: [], chatIds: ['g1'] },
    ]);
    expect(describeChoice(2, 0)).toBe('2 位客户');
    expect(describeChoice(0, 1)).toBe('1 个客户群');
    expect(describeChoice(2, 1)).toBe('2 位客户、1 个客户群');
  });

  it('sends the 转接提示语 of an onjob handover only when one was typed, with the chosen groups', () => {
    const form = {
      handoverUserid: 'a',
      takeoverUserid: 'z',
      externalUserids: ['c1'],
      chatIds: ['g1'],
      successMsg: '  ',
    };
    expect(onjobHandoverRequest(form)).toEqual({
      kind: 'onjob',
      handoverUserid: 'a',
      takeoverUserid: 'z',
      externalUserids: ['c1'],
      chatIds: ['g1'],
    });
    expect(onjobHandoverRequest({ ...form, successMsg: ' 您好 ' }).successMsg).toBe('您好');
  });

  it('asks the 客户 list for the member’s customers (添加人) with its filters', () => {
    const added: [Date, Date] = [new Date(2026, 10, 1), new Date(2026, 10, 30)];
    expect(
      onjobCustomerQuery({ owner: 'a', keyword: ' 张 ', tagIds: ['t1'], addedRange: added }, 2, 50),
    ).toEqual(
      expect.objectContaining({
        adderUserids: ['a'],
        ownerUserids: [],
        keyword: '张',
        tagIds: ['t1'],
        tagMatch: 'any',
        addedRange: added,
        page: 2,
        pageSize: 50,
      }),
    );
  });
});

describe('handover status labels', () => {
  it('names every status in Chinese and a refused start with its errcode', () => {
    expect(statusText({ status: 'pending', errcode: null })).toBe('待发起');
    expect(statusText({ status: 'waiting', errcode: null })).toBe('等待接替');
    expect(statusText({ status: 'done', errcode: null })).toBe('已接替');
    expect(statusText({ status: 'refused', errcode: null })).toBe('客户拒绝');
    expect(statusText({ status: 'limit', errcode: null })).toBe('接替成员客户数已达上限');
    expect(statusText({ status: 'rejected', errcode: 40129 })).toBe('失败（企业微信错误码 40129）');
  });
});
