import { Routes } from '@angular/router';

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
  {
    path: 'sensitive-behaviors',
    loadComponent: () =>
      import('./sensitive-behaviors/sensitive-analytics-page').then((m) => m.SensitiveAnalyticsPage),
  },
] satisfies Routes;
