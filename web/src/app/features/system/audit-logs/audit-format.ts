import { DataScope } from '../../../core/auth/auth.models';
import { dataScopeLabel } from '../roles/role-form';

/** What each audited action is called in the admin; actions added later show their code until named here. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  login: '登录',
  'system-access.enable': '开启系统',
  'system-access.disable': '关闭系统',
  'org-sync.manual': '手动同步组织架构',
  'role.create': '新建角色',
  'role.update': '编辑角色',
  'role.delete': '删除角色',
  'staff.role': '设置角色',
  'staff.password-reset': '重置密码',
  'staff-code.create': '新建员工活码',
  'staff-code.update': '编辑员工活码',
  'staff-code.delete': '删除员工活码',
  'welcome.create': '新建欢迎语',
  'welcome.update': '编辑欢迎语',
  'welcome.delete': '删除欢迎语',
  'group-code.delete': '删除群活码',
  'sensitive-rule.create': '新建敏感词规则',
  'sensitive-rule.update': '编辑敏感词规则',
  'sensitive-rule.switch': '开启/关闭敏感词规则',
  'sensitive-rule.delete': '删除敏感词规则',
  'sensitive-behavior-settings.update': '修改敏感行为设置',
  'loss-alert-settings.update': '修改流失提醒设置',
  'handover.create': '分配客户（离职/在职继承）',
  'sensitive-alert.review': '审核敏感行为',
  'mass-send.create': '新建群发',
  'mass-send.update': '编辑群发',
  'mass-send.delete': '删除群发',
  'mass-send.cancel': '取消群发',
  'knowledge-category.create': '新建知识库分类',
  'knowledge-category.rename': '修改知识库分类名称',
  'knowledge-category.move': '移动知识库分类',
  'knowledge-category.delete': '删除知识库分类',
  'knowledge-item.create': '新建知识库内容',
  'knowledge-item.update': '编辑知识库内容',
  'knowledge-item.delete': '删除知识库内容',
  'sop-plan.create': '新建SOP计划',
  'sop-plan.update': '编辑SOP计划',
  'sop-plan.switch': '开启/关闭SOP计划',
  'sop-plan.delete': '删除SOP计划',
  'analytics.backfill': '统计补算',
  'udesk-integration.update': '修改Udesk对接设置',
  'udesk-integration.switch': '开启/关闭Udesk对接',
  'customer.edit': '编辑客户',
  'customer.enterprise.edit': '编辑企业信息',
  'customer.tag': '客户打标签',
  'customer-group.tag': '客户群打标签',
  'tag-group.create': '新建标签组',
  'tag-group.edit': '编辑标签组',
  'tag-group.delete': '删除标签组',
  'tag-group.reorder': '调整标签组顺序',
  'tag.create': '新建标签',
  'tag.edit': '编辑标签',
  'tag.delete': '删除标签',
  'tag.reorder': '调整标签顺序',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

const onOff = (value: unknown) => (value ? '开启' : '关闭');
const list = (value: unknown) =>
  Array.isArray(value) ? (value.length ? value.join('、') : '无') : String(value);

/** How the fields of a before/after snapshot read; ids that mean nothing to a person are left out. */
const FIELDS: Readonly<Record<string, { label: string; format: (value: unknown) => string } | null>> = {
  systemEnabled: { label: '系统权限', format: onOff },
  roleName: { label: '角色', format: (value) => (value ? String(value) : '无') },
  roleId: null,
  name: { label: '角色名称', format: String },
  functionPermissions: {
    label: '功能权限',
    format: (value) => (Array.isArray(value) ? `${value.length} 项` : String(value)),
  },
  dataScope: { label: '数据权限', format: (value) => dataScopeLabel(value as DataScope) || String(value) },
  customDepartmentIds: { label: '自定义部门', format: list },
  customUserids: { label: '自定义员工', format: list },
  passwordSet: { label: '密码', format: (value) => (value ? '已设置' : '未设置') },
};

/** A before/after snapshot as lines a person can read ("系统权限：开启"); empty when there is none. */
export function describeSnapshot(snapshot: unknown): string[] {
  if (snapshot === undefined || snapshot === null) return [];
  if (typeof snapshot !== 'object' || Array.isArray(snapshot)) return [JSON.stringify(snapshot)];
  return Object.entries(snapshot as Record<string, unknown>).flatMap(([key, value]) => {
    const field = FIELDS[key];
    if (field === null) return [];
    if (field === undefined) return [`${key}：${typeof value === 'string' ? value : JSON.stringify(value)}`];
    return [`${field.label}：${field.format(value)}`];
  });
}
