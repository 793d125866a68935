export interface MenuLink {
  label: string;
  link: string;
  /** The 功能权限 key that shows the item (lib/access/permission-catalogue.ts); also guards its route. */
  permission: string;
}

export interface MenuGroup {
  label: string;
  icon: string;
  /** URL prefix shared by the group's links; the group opens when the current URL is under it. */
  path: string;
  children: readonly MenuLink[];
}

/** The left navigation, in the order and with the labels of R-0-02. */
export const MAIN_MENU: readonly MenuGroup[] = [
  {
    label: '引流获客',
    icon: 'user-add',
    path: '/acquisition',
    children: [
      { label: '群活码', link: '/acquisition/group-codes', permission: 'acquisition.group-codes' },
      { label: '员工活码', link: '/acquisition/staff-codes', permission: 'acquisition.staff-codes' },
      { label: '欢迎语', link: '/acquisition/welcome-messages', permission: 'acquisition.welcome-messages' },
    ],
  },
  {
    label: '客户管理',
    icon: 'team',
    path: '/customer',
    children: [
      { label: '客户', link: '/customer/customers', permission: 'customer.customers' },
      { label: '客户群', link: '/customer/groups', permission: 'customer.groups' },
      { label: '群发管理', link: '/customer/mass-messages', permission: 'customer.mass-messages' },
      { label: '流失客户', link: '/customer/losses', permission: 'customer.losses' },
      { label: '离职继承', link: '/customer/handovers', permission: 'customer.handovers' },
      { label: '在职继承', link: '/customer/onjob-transfers', permission: 'customer.onjob-transfers' },
    ],
  },
  {
    label: '素材管理',
    icon: 'book',
    path: '/material',
    children: [{ label: '知识库', link: '/material/knowledge', permission: 'material.knowledge' }],
  },
  {
    label: '会话存档',
    icon: 'message',
    path: '/archive',
    children: [
      { label: '内容存档', link: '/archive/messages', permission: 'archive.messages' },
      { label: '敏感消息管理', link: '/archive/sensitive-words', permission: 'archive.sensitive-words' },
      {
        label: '敏感行为审核',
        link: '/archive/sensitive-behaviors',
        permission: 'archive.sensitive-behaviors',
      },
    ],
  },
  {
    label: '统计分析',
    icon: 'bar-chart',
    path: '/analytics',
    children: [
      { label: '客户分析', link: '/analytics/customers', permission: 'analytics.customers' },
      { label: '员工分析', link: '/analytics/staff', permission: 'analytics.staff' },
      {
        label: '敏感行为分析',
        link: '/analytics/sensitive-behaviors',
        permission: 'analytics.sensitive-behaviors',
      },
    ],
  },
  {
    label: '系统配置',
    icon: 'setting',
    path: '/system',
    children: [
      { label: '组织架构', link: '/system/org', permission: 'system.org' },
      { label: '权限管理', link: '/system/roles', permission: 'system.roles' },
      { label: '标签管理', link: '/system/tags', permission: 'system.tags' },
      { label: '企微绑定', link: '/system/wecom', permission: 'system.wecom' },
      { label: '系统对接', link: '/system/integrations', permission: 'system.integrations' },
      {
        label: '敏感行为设置',
        link: '/system/sensitive-behavior-settings',
        permission: 'system.sensitive-behavior-settings',
      },
      { label: '操作日志', link: '/system/audit-logs', permission: 'system.audit-logs' },
    ],
  },
  {
    label: '客户运营',
    icon: 'schedule',
    path: '/operation',
    children: [{ label: 'SOP', link: '/operation/sop', permission: 'operation.sop' }],
  },
];
