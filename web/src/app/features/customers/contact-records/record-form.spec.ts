import { attachmentProblem, fileSizeLabel, recordProblem } from './record-form';

describe('recordProblem', () => {
  const base = { kind: 'record' as const, text: '沟通', mentionUserids: [], remindAt: '' };

  it('asks for 1 to 100 characters', () => {
    expect(recordProblem({ ...base, text: '  ' })).toBe('请输入内容');
    expect(recordProblem({ ...base, text: '字'.repeat(101) })).toBe('内容最多100个字');
    expect(recordProblem({ ...base, text: '字'.repeat(100) })).toBeNull();
  });

  it('wants a 提醒事项 to @ someone or have a time in the future', () => {
    const now = new Date('2026-11-25T10:00:00');
    expect(recordProblem({ ...base, kind: 'reminder', now })).toBe('提醒事项请@同事或设置提醒时间');
    expect(recordProblem({ ...base, kind: 'reminder', remindAt: '2026-11-25T09:59', now })).toBe(
      '提醒时间须晚于当前时间',
    );
    expect(recordProblem({ ...base, kind: 'reminder', remindAt: '2026-11-25T10:01', now })).toBeNull();
    expect(recordProblem({ ...base, kind: 'reminder', mentionUserids: ['lina'], now })).toBeNull();
  });
});

describe('attachmentProblem', () => {
  it('allows 9 files of at most 20 MB each', () => {
    expect(attachmentProblem(8, [{ size: 1 }])).toBeNull();
    expect(attachmentProblem(9, [{ size: 1 }])).toBe('最多上传9个附件');
    expect(attachmentProblem(0, [{ size: 20 * 1024 * 1024 + 1 }])).toBe('单个附件不能超过20M');
  });

  it('labels sizes for people', () => {
    expect(fileSizeLabel(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
