import { ChatArchiveSdkError } from './chat-archive-sdk';

describe('ChatArchiveSdkError.retryable', () => {
  it("retries the SDK's network, parse and system errors, and WeCom's -1 system busy", () => {
    for (const errcode of [-1, 10001, 10002, 10003]) {
      expect(new ChatArchiveSdkError(errcode, 'x').retryable).toBe(true);
    }
  });

  it('does not retry what a person must fix: bad key, bad secret, no private key', () => {
    for (const errcode of [10004, 10007, 40001, 301053]) {
      expect(new ChatArchiveSdkError(errcode, 'x').retryable).toBe(false);
    }
  });
});
