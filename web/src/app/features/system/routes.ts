import { Routes } from '@angular/router';

/** 系统配置 (§7) */
export default [
  { path: 'org', loadComponent: () => import('./org/org-page').then((m) => m.OrgPage) },
  { path: 'roles', loadComponent: () => import('./roles/roles-page').then((m) => m.RolesPage) },
  {
    path: 'audit-logs',
    loadComponent: () => import('./audit-logs/audit-logs-page').then((m) => m.AuditLogsPage),
  },
  { path: 'tags', loadComponent: () => import('./tags/tags-page').then((m) => m.TagsPage) },
  {
    path: 'wecom',
    loadComponent: () => import('./wecom/wecom-binding-page').then((m) => m.WecomBindingPage),
  },
  {
    path: 'integrations',
    loadComponent: () => import('./integrations/integrations-page').then((m) => m.IntegrationsPage),
  },
  {
    path: 'integrations/udesk',
    loadComponent: () => import('./integrations/udesk-integration-page').then((m) => m.UdeskIntegrationPage),
  },
  {
    path: 'sensitive-behavior-settings',
    loadComponent: () =>
      import('./sensitive-behavior-settings/sensitive-behavior-settings-page').then(
        (m) => m.SensitiveBehaviorSettingsPage,
      ),
  },
] satisfies Routes;
