import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 统计分析 (§6) */
export default [
  {
    path: 'customers',
    loadComponent: () => import('./customers/customer-analysis-page').then((m) => m.CustomerAnalysisPage),
  },
  {
    path: 'staff',
    loadComponent: () => import('./staff/staff-analysis-page').then((m) => m.StaffAnalysisPage),
  },
  underConstructionRoute('sensitive-behaviors', '敏感行为分析'),
] satisfies Routes;
