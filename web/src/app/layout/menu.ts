export interface MenuLink {
  label: string;
  link: string;
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
      { label: '群活码', link: '/acquisition/group-codes' },
      { label: '员工活码', link: '/acquisition/staff-codes' },
      { label: '欢迎语', link: '/acquisition/welcome-messages' },
    ],
  },
  {
    label: '客户管理',
    icon: 'team',
    path: '/customer',
    children: [
      { label: '客户', link: '/customer/customers' },
      { label: '客户群', link: '/customer/groups' },
      { label: '群发管理', link: '/customer/mass-messages' },
    ],
  },
  {
    label: '素材管理',
    icon: 'book',
    path: '/material',
    children: [{ label: '知识库', link: '/material/knowledge' }],
  },
  {
    label: '会话存档',
    icon: 'message',
    path: '/archive',
    children: [
      { label: '内容存档', link: '/archive/messages' },
      { label: '敏感消息管理', link: '/archive/sensitive-words' },
      { label: '敏感行为审核', link: '/archive/sensitive-behaviors' },
    ],
  },
  {
    label: '统计分析',
    icon: 'bar-chart',
    path: '/analytics',
    children: [
      { label: '客户分析', link: '/analytics/customers' },
      { label: '员工分析', link: '/analytics/staff' },
      { label: '敏感行为分析', link: '/analytics/sensitive-behaviors' },
    ],
  },
  {
    label: '系统配置',
    icon: 'setting',
    path: '/system',
    children: [
      { label: '组织架构', link: '/system/org' },
      { label: '权限管理', link: '/system/roles' },
      { label: '标签管理', link: '/system/tags' },
      { label: '企微绑定', link: '/system/wecom' },
      { label: '系统对接', link: '/system/integrations' },
      { label: '敏感行为设置', link: '/system/sensitive-behavior-settings' },
    ],
  },
  {
    label: '客户运营',
    icon: 'schedule',
    path: '/operation',
    children: [{ label: 'SOP', link: '/operation/sop' }],
  },
];
