import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 统计分析 (§6) */
export default [
  underConstructionRoute('customers', '客户分析'),
  underConstructionRoute('staff', '员工分析'),
  {
    path: 'sensitive-behaviors',
    loadComponent: () =>
      import('./sensitive-behaviors/sensitive-analytics-page').then((m) => m.SensitiveAnalyticsPage),
  },
] satisfies Routes;
