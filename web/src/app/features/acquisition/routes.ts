import { Routes } from '@angular/router';

/** 引流获客 (§2) */
export default [
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
  {
    path: 'group-codes',
    loadChildren: () => import('./group-codes/group-codes.routes'),
  },
] satisfies Routes;
