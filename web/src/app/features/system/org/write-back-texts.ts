import { WriteBack } from './org.models';

const ACTIONS: Record<WriteBack['kind'], Record<WriteBack['op'], string>> = {
  department: { create: '新建部门', update: '修改部门', delete: '删除部门' },
  staff: { create: '新建员工', update: '编辑员工', delete: '删除员工' },
};

/** One refused write-back as the page lists it: "新建部门「市场部」：同一上级部门下已有同名部门". */
export function describeFailedWriteBack(writeBack: WriteBack): string {
  const reason = writeBack.message ?? (writeBack.errcode ? `错误码 ${writeBack.errcode}` : '未知原因');
  return `${ACTIONS[writeBack.kind][writeBack.op]}「${writeBack.targetName}」：${reason}`;
}

/** The refusals among the latest write-backs: older ones drop out as new edits go through. */
export function recentFailures(latest: readonly WriteBack[]): string[] {
  return latest.filter((writeBack) => writeBack.status === 'failed').map(describeFailedWriteBack);
}
