import { Routes } from '@angular/router';

import { platformGuard } from './platform.guard';

/** 系统管理操作后台 (R-1.1-02): where platform operators open tenants. */
export default [
  { path: 'login', loadComponent: () => import('./platform-login-page').then((m) => m.PlatformLoginPage) },
  {
    path: 'tenants',
    canActivate: [platformGuard],
    loadComponent: () => import('./tenants-page').then((m) => m.TenantsPage),
  },
  { path: '**', redirectTo: 'tenants' },
] satisfies Routes;
