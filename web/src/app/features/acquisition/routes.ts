import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 引流获客 (§2) */
export default [
  underConstructionRoute('group-codes', '群活码'),
  {
    path: 'staff-codes',
    loadComponent: () => import('./staff-codes/staff-codes-page').then((m) => m.StaffCodesPage),
  },
  {
    path: 'staff-codes/new',
    loadComponent: () => import('./staff-codes/staff-code-form-page').then((m) => m.StaffCodeFormPage),
  },
  {
    path: 'staff-codes/:id/edit',
    loadComponent: () => import('./staff-codes/staff-code-form-page').then((m) => m.StaffCodeFormPage),
  },
  {
    path: 'staff-codes/:id',
    loadComponent: () => import('./staff-codes/staff-code-detail-page').then((m) => m.StaffCodeDetailPage),
  },
  {
    path: 'welcome-messages',
    loadComponent: () => import('./welcome/welcome-page').then((m) => m.WelcomePage),
  },
] satisfies Routes;
