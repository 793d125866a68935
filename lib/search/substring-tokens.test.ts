import { substringPhrase, substringTokens } from './substring-tokens';

describe('substring tokens', () => {
  it('writes one lowercased code word per character, so case never matters', () => {
    expect(substringTokens('Ab').unigrams).toBe('u61 u62');
    expect(substringTokens('aB')).toEqual(substringTokens('AB'));
  });

  it('keeps punctuation, spaces and Han characters as words of their own', () => {
    expect(substringTokens('王 1+').unigrams).toBe('u738b u20 u31 u2b');
  });

  it('writes overlapping trigrams from three characters on', () => {
    expect(substringTokens('ab').trigrams).toBe('');
    expect(substringTokens('abcd').trigrams).toBe('t61x62x63 t62x63x64');
  });

  it('looks up one or two characters by single characters, longer text by trigrams', () => {
    expect(substringPhrase('王')).toEqual({ field: 'unigrams', phrase: 'u738b' });
    expect(substringPhrase('A1')).toEqual({ field: 'unigrams', phrase: 'u61 u31' });
    expect(substringPhrase('139x')).toEqual({ field: 'trigrams', phrase: 't31x33x39 t33x39x78' });
  });

  it('counts characters outside the BMP once', () => {
    expect(substringTokens('😀a').unigrams).toBe('u1f600 u61');
  });
});
