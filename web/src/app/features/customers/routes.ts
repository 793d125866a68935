import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 客户管理 (§3) */
export default [
  {
    path: 'customers',
    loadComponent: () => import('./customers/customers-page').then((m) => m.CustomersPage),
  },
  underConstructionRoute('groups', '客户群'),
  underConstructionRoute('mass-messages', '群发管理'),
] satisfies Routes;
