import { jssdkSignature, signPage } from './jssdk-signature';

describe('JS-SDK signature (API.md §13.6)', () => {
  const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';

  it('matches the documented vector, and ignores the #fragment', () => {
    const input = { ticket, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457 };
    expect(jssdkSignature({ ...input, url: 'http://mp.weixin.qq.com?params=value' })).toBe(
      '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    );
    expect(jssdkSignature({ ...input, url: 'http://mp.weixin.qq.com?params=value#section' })).toBe(
      '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    );
    expect(jssdkSignature({ ...input, url: 'http://mp.weixin.qq.com' })).toBe(
      'f4d90daf4b3bca3078ab155816175ba34c443a7b',
    );
  });

  it('signs a page with a 16-character nonce and the time in seconds', () => {
    const signed = signPage(ticket, 'http://x/h5', 1414587457_123);
    expect(signed.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(signed.timestamp).toBe(1414587457);
    expect(signed.signature).toBe(
      jssdkSignature({ ticket, nonceStr: signed.nonceStr, timestamp: 1414587457, url: 'http://x/h5' }),
    );
  });
});
