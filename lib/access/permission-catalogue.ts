/**
 * 功能权限 (R-7.2.2-02): every menu, button and action of the admin that a role can be given, as a tree
 * in the order of the left navigation (R-0-02). Keys are stable strings `module.menu.action`:
 * a module key (`system`) groups its menus, a menu key (`system.org`) lets a user open the page and read
 * it, and an action key (`system.org.sync`) lets them press that button. Roles store keys; the api checks
 * one key per endpoint (api/http/define-route.ts `permission`), the admin hides what a user lacks.
 * Keys are never renamed once shipped: roles in the database refer to them.
 */
export interface PermissionNode {
  key: string;
  title: string;
  children?: readonly PermissionNode[];
}

const action = (menuKey: string, name: string, title: string): PermissionNode => ({
  key: `${menuKey}.${name}`,
  title,
});

/** The usual buttons of a list page; 导出 is a permission of its own (I-103). */
function menu(key: string, title: string, actions: ReadonlyArray<[string, string]>): PermissionNode {
  return { key, title, children: actions.map(([name, label]) => action(key, name, label)) };
}

const CRUD: ReadonlyArray<[string, string]> = [
  ['create', '新建'],
  ['edit', '编辑'],
  ['delete', '删除'],
];
const EXPORT: [string, string] = ['export', '导出'];

export const PERMISSION_TREE: readonly PermissionNode[] = [
  {
    key: 'acquisition',
    title: '引流获客',
    children: [
      menu('acquisition.group-codes', '群活码', [...CRUD, EXPORT]),
      menu('acquisition.staff-codes', '员工活码', [...CRUD, EXPORT]),
      menu('acquisition.welcome-messages', '欢迎语', CRUD),
    ],
  },
  {
    key: 'customer',
    title: '客户管理',
    children: [
      menu('customer.customers', '客户', [
        ['edit', '编辑'],
        ['tag', '打标签'],
        ['contact-record', '写联系记录'],
        ['sync', '同步'],
        EXPORT,
      ]),
      menu('customer.groups', '客户群', [['tag', '打标签'], ['sync', '同步'], EXPORT]),
      menu('customer.mass-messages', '群发管理', [...CRUD, EXPORT]),
      menu('customer.handovers', '离职继承', [['transfer', '分配']]),
      menu('customer.onjob-transfers', '在职继承', [['transfer', '分配']]),
      menu('customer.losses', '流失客户', [['alert-settings', '流失提醒设置'], EXPORT]),
    ],
  },
  {
    key: 'material',
    title: '素材管理',
    children: [menu('material.knowledge', '知识库', CRUD)],
  },
  {
    key: 'archive',
    title: '会话存档',
    children: [
      menu('archive.messages', '内容存档', [EXPORT]),
      menu('archive.sensitive-words', '敏感消息管理', [...CRUD, EXPORT]),
      menu('archive.sensitive-behaviors', '敏感行为审核', [['review', '审核'], EXPORT]),
    ],
  },
  {
    key: 'analytics',
    title: '统计分析',
    children: [
      menu('analytics.customers', '客户分析', [EXPORT]),
      menu('analytics.staff', '员工分析', [EXPORT]),
      menu('analytics.sensitive-behaviors', '敏感行为分析', [EXPORT]),
    ],
  },
  {
    key: 'system',
    title: '系统配置',
    children: [
      menu('system.org', '组织架构', [
        ['sync', '同步'],
        ['department-edit', '部门新建/编辑/删除'],
        ['staff-create', '新建员工'],
        ['staff-edit', '编辑员工'],
        ['staff-delete', '删除员工'],
        ['system-access', '开启系统/关闭系统'],
        ['staff-role', '设置角色'],
        ['staff-password', '重置密码'],
      ]),
      menu('system.roles', '权限管理', CRUD),
      menu('system.tags', '标签管理', [...CRUD, ['sync', '同步']]),
      menu('system.wecom', '企微绑定', [['edit', '编辑']]),
      menu('system.integrations', '系统对接', [['edit', '编辑']]),
      menu('system.sensitive-behavior-settings', '敏感行为设置', [['edit', '编辑']]),
      { key: 'system.audit-logs', title: '操作日志' },
    ],
  },
  {
    key: 'operation',
    title: '客户运营',
    children: [menu('operation.sop', 'SOP', CRUD)],
  },
];

function flatten(nodes: readonly PermissionNode[], parent: string | null, into: Map<string, string | null>) {
  for (const node of nodes) {
    into.set(node.key, parent);
    flatten(node.children ?? [], node.key, into);
  }
  return into;
}

/** Every key with its parent's key (null for modules). */
const PARENT_OF: ReadonlyMap<string, string | null> = flatten(PERMISSION_TREE, null, new Map());

export const ALL_PERMISSION_KEYS: readonly string[] = [...PARENT_OF.keys()];

/** A key's parent in the tree (a menu's module, an action's menu); null for a module or an unknown key. */
export function parentOf(key: string): string | null {
  return PARENT_OF.get(key) ?? null;
}

export function isPermissionKey(key: string): boolean {
  return PARENT_OF.has(key);
}

/**
 * What a role stores: the chosen keys plus their ancestors, since a button is useless without its page
 * and a page without its menu group (a checkbox tree reports a half-checked parent as unchecked).
 * Unknown keys are dropped; the order follows the catalogue so stored lists compare cleanly.
 */
export function withAncestors(keys: Iterable<string>): string[] {
  const chosen = new Set<string>();
  for (const key of keys) {
    for (let current = PARENT_OF.has(key) ? key : null; current; current = PARENT_OF.get(current) ?? null) {
      chosen.add(current);
    }
  }
  return ALL_PERMISSION_KEYS.filter((key) => chosen.has(key));
}
