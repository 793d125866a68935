import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 系统配置 (§7) */
export default [
  { path: 'org', loadComponent: () => import('./org/org-page').then((m) => m.OrgPage) },
  { path: 'roles', loadComponent: () => import('./roles/roles-page').then((m) => m.RolesPage) },
  {
    path: 'audit-logs',
    loadComponent: () => import('./audit-logs/audit-logs-page').then((m) => m.AuditLogsPage),
  },
  underConstructionRoute('tags', '标签管理'),
  {
    path: 'wecom',
    loadComponent: () => import('./wecom/wecom-binding-page').then((m) => m.WecomBindingPage),
  },
  underConstructionRoute('integrations', '系统对接'),
  underConstructionRoute('sensitive-behavior-settings', '敏感行为设置'),
] satisfies Routes;
