import { unmappedIp } from './client-ip';

describe('unmappedIp', () => {
  it('gives an IPv4-mapped IPv6 address as the IPv4 address inside', () => {
    expect(unmappedIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(unmappedIp('::FFFF:10.1.2.3')).toBe('10.1.2.3');
  });

  it('leaves IPv4 and other IPv6 addresses as they are', () => {
    expect(unmappedIp('192.168.0.8')).toBe('192.168.0.8');
    expect(unmappedIp('::1')).toBe('::1');
    expect(unmappedIp('2001:db8::ffff:1.2.3.4')).toBe('2001:db8::ffff:1.2.3.4');
  });
});
