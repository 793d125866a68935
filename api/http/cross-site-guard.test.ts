import { isCrossSite } from './cross-site-guard';

const OWN = 'https://scrm.example.com';

describe('isCrossSite', () => {
  it('lets a request from this origin through, as PUBLIC_URL names it or as the browser reached it', () => {
    expect(isCrossSite({ origin: OWN, host: '127.0.0.1:3000' }, OWN)).toBe(false);
    expect(isCrossSite({ origin: 'http://localhost:4200', host: 'localhost:4200' }, OWN)).toBe(false);
    expect(isCrossSite({ referer: `${OWN}/customer/customers?page=2`, host: 'x' }, OWN)).toBe(false);
    expect(isCrossSite({ origin: OWN, secFetchSite: 'same-origin' }, OWN)).toBe(false);
  });

  it('lets a request with no browser source headers through (curl, WeCom servers, scripts)', () => {
    expect(isCrossSite({ host: 'scrm.example.com' }, OWN)).toBe(false);
  });

  it('refuses another site, a sibling subdomain, an opaque or unreadable origin', () => {
    expect(isCrossSite({ origin: 'https://evil.example.net', host: 'scrm.example.com' }, OWN)).toBe(true);
    expect(isCrossSite({ origin: 'https://blog.example.com', host: 'scrm.example.com' }, OWN)).toBe(true);
    expect(isCrossSite({ referer: 'https://evil.example.net/page', host: 'scrm.example.com' }, OWN)).toBe(
      true,
    );
    expect(isCrossSite({ origin: 'null', host: 'scrm.example.com' }, OWN)).toBe(true);
    expect(isCrossSite({ origin: 'not a url', host: 'scrm.example.com' }, OWN)).toBe(true);
  });

  it('refuses what the browser itself calls cross-site, whatever the other headers say', () => {
    expect(isCrossSite({ secFetchSite: 'cross-site', host: 'scrm.example.com' }, OWN)).toBe(true);
    expect(isCrossSite({ origin: OWN, secFetchSite: 'cross-site' }, OWN)).toBe(true);
  });

  it('judges the Origin first: a same-origin Referer does not excuse a foreign Origin', () => {
    expect(isCrossSite({ origin: 'https://evil.example.net', referer: `${OWN}/`, host: 'h' }, OWN)).toBe(
      true,
    );
  });
});
