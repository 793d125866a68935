import { Routes } from '@angular/router';

import { authGuard } from './core/auth/auth.guard';
import { landingGuard, permissionGuard } from './core/auth/permission.guard';

export const routes: Routes = [
  { path: 'login', loadChildren: () => import('./features/auth/routes') },
  { path: 'platform', loadChildren: () => import('./features/platform/routes') },
  { path: 'h5', loadChildren: () => import('./features/h5/routes') },
  {
    path: 'group-code/:tenantId/:codeId',
    loadComponent: () =>
      import('./features/group-code-landing/group-code-landing-page').then((m) => m.GroupCodeLandingPage),
  },
  {
    path: '',
    loadComponent: () => import('./layout/shell').then((m) => m.Shell),
    canActivate: [authGuard],
    canActivateChild: [permissionGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [landingGuard], children: [] },
      { path: 'no-access', loadComponent: () => import('./shared/no-access').then((m) => m.NoAccess) },
      { path: 'acquisition', loadChildren: () => import('./features/acquisition/routes') },
      { path: 'customer', loadChildren: () => import('./features/customers/routes') },
      { path: 'material', loadChildren: () => import('./features/materials/routes') },
      { path: 'archive', loadChildren: () => import('./features/archive/routes') },
      { path: 'analytics', loadChildren: () => import('./features/analytics/routes') },
      { path: 'system', loadChildren: () => import('./features/system/routes') },
      { path: 'operation', loadChildren: () => import('./features/operations/routes') },
      { path: '**', canActivate: [landingGuard], children: [] },
    ],
  },
];
