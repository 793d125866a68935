import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 客户管理 (§3) */
export default [
  {
    path: 'customers',
    loadComponent: () => import('./customers/customers-page').then((m) => m.CustomersPage),
  },
  {
    path: 'groups',
    loadComponent: () => import('./groups/customer-groups-page').then((m) => m.CustomerGroupsPage),
  },
  underConstructionRoute('mass-messages', '群发管理'),
] satisfies Routes;
