import { unknownPeerName } from './archive-peers';

describe('unknownPeerName: a chat party the CRM has not synced', () => {
  it('says what kind of party it is, with a WeCom id shortened to tell it apart', () => {
    expect(unknownPeerName({ kind: 'customer', id: 'wmbKtEPuDQfXRQ58MOU-AAArDPWNMBbM' })).toBe(
      '未知客户（wmbKtE…MBbM）',
    );
    expect(unknownPeerName({ kind: 'group', id: 'wrShort' })).toBe('未知群聊（wrShort）');
    expect(unknownPeerName({ kind: 'staff', id: 'xujing' })).toBe('未知员工（xujing）');
  });

  it('says only the kind when there is no id at all', () => {
    expect(unknownPeerName({ kind: 'customer', id: '' })).toBe('未知客户');
  });
});
