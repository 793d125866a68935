import { Routes } from '@angular/router';

/** 群活码: the list, the wizard (新建 / 编辑) and 管理实际群码. */
export default [
  { path: '', loadComponent: () => import('./group-codes-page').then((m) => m.GroupCodesPage) },
  { path: 'new', loadComponent: () => import('./group-code-wizard').then((m) => m.GroupCodeWizard) },
  { path: ':codeId/edit', loadComponent: () => import('./group-code-wizard').then((m) => m.GroupCodeWizard) },
  {
    path: ':codeId/groups',
    loadComponent: () => import('./group-code-groups-page').then((m) => m.GroupCodeGroupsPage),
  },
] satisfies Routes;
