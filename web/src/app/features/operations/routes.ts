import { Routes } from '@angular/router';

/** 客户运营 (§8): SOP计划 list, 新建 / 编辑, 详情. */
export default [
  {
    path: 'sop',
    loadComponent: () => import('./sop/sop-plans-page').then((m) => m.SopPlansPage),
  },
  {
    path: 'sop/new',
    loadComponent: () => import('./sop/sop-plan-form-page').then((m) => m.SopPlanFormPage),
  },
  {
    path: 'sop/:planId/edit',
    loadComponent: () => import('./sop/sop-plan-form-page').then((m) => m.SopPlanFormPage),
  },
  {
    path: 'sop/:planId',
    loadComponent: () => import('./sop/sop-plan-detail-page').then((m) => m.SopPlanDetailPage),
  },
] satisfies Routes;
