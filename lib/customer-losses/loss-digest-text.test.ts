import { lossDigestText, type DigestLoss } from './loss-digest-text';

const loss = (minute: number, kind: DigestLoss['kind'], customerName = `客户${minute}`): DigestLoss => ({
  customerName,
  staffName: '李娜',
  kind,
  lostAt: new Date(Date.UTC(2026, 11, 6, 2, minute)),
});

describe('lossDigestText', () => {
  it('lists each loss oldest first in China time, saying who deleted whom', () => {
    const text = lossDigestText(
      [loss(30, 'deleted_by_staff', '李四'), loss(5, 'deleted_by_customer', '张三')],
      'https://scrm.example/customers/losses',
    );
    expect(text.split('\n')).toEqual([
      '【流失提醒】最近流失客户2位：',
      '12-06 10:05 客户「张三」删除了员工李娜',
      '12-06 10:30 员工李娜删除了客户「李四」',
      '查看流失客户：https://scrm.example/customers/losses',
    ]);
  });

  it('sums up beyond fifteen losses, staying within the 2,048 bytes of a text message', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      loss(i, 'deleted_by_customer', '名字很长的客户'.repeat(3)),
    );
    const text = lossDigestText(many, 'https://scrm.example/customers/losses');
    expect(text).toContain('……等共40位');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2048);
  });
});
