import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 引流获客 (§2) */
export default [
  {
    path: 'group-codes',
    loadChildren: () => import('./group-codes/group-codes.routes'),
  },
  underConstructionRoute('staff-codes', '员工活码'),
  underConstructionRoute('welcome-messages', '欢迎语'),
] satisfies Routes;
