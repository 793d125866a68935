import { holdsNulCharacter } from './define-route';

describe('requests carrying U+0000, which the embedded store cannot hold', () => {
  it('finds it in a value, an array item or a key, at any depth', () => {
    expect(holdsNulCharacter('ad\u0000min')).toBe(true);
    expect(holdsNulCharacter({ tags: ['a', 'b\u0000'] })).toBe(true);
    expect(holdsNulCharacter({ filter: { ['k\u0000']: 1 } })).toBe(true);
  });

  it('lets every other text through, control characters and emoji included', () => {
    expect(holdsNulCharacter({ name: '张三\t😀', ids: [1, 2], nested: { ok: null } })).toBe(false);
    expect(holdsNulCharacter(undefined)).toBe(false);
  });
});
