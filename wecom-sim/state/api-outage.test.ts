import { ApiOutage } from './api-outage';

describe('ApiOutage', () => {
  it('lets every call through until an outage starts, then fails the chosen paths and counts them', () => {
    const outage = new ApiOutage();
    expect(outage.failureFor('/user/create')).toBeUndefined();
    outage.start({ mode: 'busy', paths: ['/user/create'] });
    expect(outage.failureFor('/user/create')).toBe('busy');
    expect(outage.failureFor('/department/create')).toBeUndefined();
    expect(outage.status()).toEqual({ active: true, mode: 'busy', paths: ['/user/create'], failedCalls: 1 });
  });

  it('fails every path when none is named, and stops on request', () => {
    const outage = new ApiOutage();
    outage.start({ mode: 'http-503' });
    expect(outage.failureFor('/gettoken')).toBe('http-503');
    outage.stop();
    expect(outage.failureFor('/gettoken')).toBeUndefined();
    expect(outage.status().active).toBe(false);
  });
});
