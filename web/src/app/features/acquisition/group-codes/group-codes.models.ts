import type {
  GroupCodeStatus,
  GroupCodeStrategy,
  GroupState,
  UpdateGroupCode,
  groupCodePageSchema,
  groupStoreSchema,
} from '@contracts/group-code.contract';
import type { z } from 'zod';

/** 群活码 as the api serves it (lib/contracts/group-code.contract.ts). */
export type {
  GroupCodeDetail,
  GroupCodeRow,
  GroupCodeStatus,
  GroupCodeStrategy,
  GroupInput,
  GroupState,
  GroupView,
} from '@contracts/group-code.contract';

export const STRATEGY_OPTIONS: ReadonlyArray<{ value: GroupCodeStrategy; label: string }> = [
  { value: 'overflow', label: '溢出策略' },
  { value: 'round-robin', label: '轮流分配策略' },
  { value: 'nearest', label: '位置就近分配策略' },
];
export const STATUS_LABELS: Record<GroupCodeStatus, string> = { normal: '正常', abnormal: '异常' };
export const GROUP_STATE_LABELS: Record<GroupState, string> = {
  waiting: '未使用',
  serving: '使用中',
  full: '已满',
  expired: '已过期',
};
/** R-2.1.2-02, R-2.1.3-01 (checked here first; the server checks the bytes again). */
export const IMAGE_HINT = '只能上传jpg/png格式图片，且不超过2M';
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const TEXT_MAX = 30;

export type GroupStore = z.infer<typeof groupStoreSchema>;
export type GroupCodePage = z.infer<typeof groupCodePageSchema>;

/** Step 1's fields (新建 and 编辑). */
export type GroupCodeFields = UpdateGroupCode;

export interface GroupCodeFilters {
  keyword?: string;
  status?: GroupCodeStatus;
  createdFrom?: string;
  createdTo?: string;
}

export interface ColumnOption {
  key: string;
  label: string;
}

/** R-2.1.1-03: 名称 and 活动场景 show at most 20 characters in the list, then "...". */
export function clip(text: string, max = 20): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

export const imageUrl = (fileId: string) => `/api/group-code-images/${fileId}`;
export const qrUrl = (codeId: string) => `/api/group-codes/${codeId}/qr`;

/** A file the server would refuse, said the same way before the upload starts. */
export function imageProblem(file: File): string | null {
  const typeOk = file.type === 'image/png' || file.type === 'image/jpeg';
  return typeOk && file.size <= IMAGE_MAX_BYTES ? null : IMAGE_HINT;
}
