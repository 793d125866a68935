import { qrLoginStartUrl, readQrLoginReturn } from './qr-login';

describe('qr login helpers', () => {
  it('starts the WeCom login for the trimmed 企业ID', () => {
    expect(qrLoginStartUrl(' wwabc ')).toBe('/api/auth/wecom/start?corpId=wwabc');
  });

  it('reads the refusal the api sent the browser back with', () => {
    expect(
      readQrLoginReturn(
        new URLSearchParams('mode=qr&qrError=%E5%8F%B7%E7%A0%81%E5%A4%B1%E6%95%88&corpId=ww1'),
      ),
    ).toEqual({ qrMode: true, error: '号码失效', corpId: 'ww1' });
    expect(readQrLoginReturn(new URLSearchParams(''))).toEqual({ qrMode: false, error: null, corpId: null });
  });
});
