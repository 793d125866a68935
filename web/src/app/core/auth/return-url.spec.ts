import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('follows a path inside the admin, with its query', () => {
    expect(safeReturnUrl('/archive/sensitive-behaviors?review=a1')).toBe(
      '/archive/sensitive-behaviors?review=a1',
    );
  });

  it('refuses other origins, the login page itself, the home page and nothing at all', () => {
    for (const raw of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'archive',
      '/login',
      '/login?x=1',
      '',
      null,
      undefined,
    ]) {
      expect(safeReturnUrl(raw)).toBeNull();
    }
  });
});
