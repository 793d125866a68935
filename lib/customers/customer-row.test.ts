import { customerSuffix, toCustomerRow } from './customer-row';

describe('customer list row', () => {
  it('says @微信, @<企业简称> or @企业微信 (I-40)', () => {
    expect(customerSuffix({ type: 1, corpName: '' })).toBe('@微信');
    expect(customerSuffix({ type: 2, corpName: '沃丰' })).toBe('@沃丰');
    expect(customerSuffix({ type: 2, corpName: '' })).toBe('@企业微信');
  });

  it('takes 企业 and 职务 from WeCom for WeCom customers and from the edit for WeChat ones', () => {
    const names = {
      staff: (id: string) => id.toUpperCase(),
      tag: (id: string) => (id === 'gone' ? undefined : id),
    };
    const wechat = toCustomerRow(
      {
        externalUserid: 'wm1',
        type: 1,
        corpName: 'ignored',
        profile: { corpName: '小店', position: '店长' },
        follows: [{ userid: 'a', remark: '老客' }],
        adderUserids: ['a'],
        ownerUserid: 'a',
        tagIds: ['t', 'gone'],
      },
      names.staff,
      names.tag,
    );
    expect(wechat).toMatchObject({
      corpName: '小店',
      position: '店长',
      owner: { userid: 'a', name: 'A' },
      remark: '老客',
      tags: [{ id: 't', name: 't' }],
    });
    const wecom = toCustomerRow(
      {
        externalUserid: 'wm2',
        type: 2,
        corpName: '沃丰',
        corpFullName: '北京沃丰',
        position: '经理',
        profile: { position: 'x' },
      },
      names.staff,
      names.tag,
    );
    expect(wecom).toMatchObject({ corpName: '北京沃丰', position: '经理', owner: null, remark: '' });
  });
});
