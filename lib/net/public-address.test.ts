import { ipLiteralOf, isPublicAddress, publicOnlyLookup } from './public-address';

describe('which addresses a link preview may reach', () => {
  it('refuses IPv4 private, loopback, link-local and other non-public ranges', () => {
    for (const address of [
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.1',
      '127.0.0.1',
      '127.9.9.9',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '224.0.0.1',
      '255.255.255.255',
    ])
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
  });

  it('lets public IPv4 through, also just outside the private ranges', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.1', '11.0.0.1', '100.128.0.1'])
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
  });

  it('refuses IPv6 loopback, unspecified, link-local, unique-local and multicast', () => {
    for (const address of ['::1', '::', 'fe80::1', 'febf::1', 'fc00::1', 'fd12:3456:789a::1', 'ff02::1'])
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
  });

  it('judges an IPv4 address carried in IPv6 (mapped, compatible, NAT64, 6to4) as that IPv4 address', () => {
    for (const address of [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::FFFF:10.0.0.1',
      '::ffff:c0a8:101',
      '::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::1',
      '2002:c0a8:0101::',
    ])
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    for (const address of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
  });

  it('lets public IPv6 through', () => {
    for (const address of ['2606:4700:4700::1111', '2400:3200::1', '2001:4860:4860::8888'])
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
  });

  it('is no public address when it is no address at all', () => {
    expect(isPublicAddress('example.com')).toBe(false);
    expect(isPublicAddress('')).toBe(false);
  });

  it('tells an IP in a URL from a name to resolve', () => {
    expect(ipLiteralOf(new URL('http://[::1]:8080/').hostname)).toBe('::1');
    expect(ipLiteralOf(new URL('http://127.0.0.1/').hostname)).toBe('127.0.0.1');
    // WHATWG URL turns the shorthand forms of IPv4 into the dotted one before anyone checks it.
    expect(ipLiteralOf(new URL('http://2130706433/').hostname)).toBe('127.0.0.1');
    expect(ipLiteralOf(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1');
    expect(ipLiteralOf(new URL('http://localhost/').hostname)).toBeNull();
  });

  it('refuses a name that resolves to the server itself, where the socket looks it up', async () => {
    const refusal = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      publicOnlyLookup('localhost', {}, (error) => resolve(error)),
    );
    expect(refusal?.code).toBe('ERR_ADDRESS_NOT_PUBLIC');
  });
});
