import { describe, expect, it } from 'vitest';

import { imageProblem, previewText } from './welcome.models';

describe('welcome helpers', () => {
  it('shows #nickname# as a sample name in the preview', () => {
    expect(previewText('#nickname# 你好')).toBe('客户昵称 你好');
  });

  it('accepts jpg/png up to 2 MB only', () => {
    expect(imageProblem({ type: 'image/png', size: 1024 })).toBeNull();
    expect(imageProblem({ type: 'image/gif', size: 1024 })).toBe('只能上传jpg/png格式图片，且不超过2M');
    expect(imageProblem({ type: 'image/jpeg', size: 3 * 1024 * 1024 })).toBe(
      '只能上传jpg/png格式图片，且不超过2M',
    );
  });
});
