import { clip, IMAGE_HINT, imageProblem } from './group-codes.models';

describe('群活码 list and upload rules', () => {
  it('cuts 名称 and 活动场景 after 20 characters with "..." (R-2.1.1-03)', () => {
    expect(clip('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(clip('一二三四五六七八九十一二三四五六七八九十多')).toBe(
      '一二三四五六七八九十一二三四五六七八九十...',
    );
  });

  it('takes jpg/png of at most 2 MB and names the rule otherwise', () => {
    const file = (type: string, size: number) => new File([new Uint8Array(size)], 'x', { type });
    expect(imageProblem(file('image/png', 1024))).toBeNull();
    expect(imageProblem(file('image/jpeg', 2 * 1024 * 1024))).toBeNull();
    expect(imageProblem(file('image/gif', 10))).toBe(IMAGE_HINT);
    expect(imageProblem(file('image/png', 2 * 1024 * 1024 + 1))).toBe(IMAGE_HINT);
  });
});
