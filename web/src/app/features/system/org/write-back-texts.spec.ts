import { describeFailedWriteBack, recentFailures } from './write-back-texts';
import { WriteBack } from './org.models';

const writeBack = (overrides: Partial<WriteBack>): WriteBack => ({
  id: '1',
  kind: 'department',
  op: 'create',
  targetId: '9',
  targetName: '市场部',
  status: 'failed',
  attempts: 0,
  errcode: 60008,
  message: '同一上级部门下已有同名部门',
  createdAt: '2026-11-25T00:00:00.000Z',
  ...overrides,
});

describe('write-back failures as the page shows them', () => {
  it('names the action, the target and WeCom’s reason in Chinese', () => {
    expect(describeFailedWriteBack(writeBack({}))).toBe('新建部门「市场部」：同一上级部门下已有同名部门');
    expect(
      describeFailedWriteBack(
        writeBack({ kind: 'staff', op: 'update', targetName: '张三', message: undefined }),
      ),
    ).toBe('编辑员工「张三」：错误码 60008');
  });

  it('lists only the refused ones', () => {
    expect(recentFailures([writeBack({ status: 'applied' }), writeBack({ status: 'pending' })])).toEqual([]);
    expect(recentFailures([writeBack({})])).toHaveLength(1);
  });
});
