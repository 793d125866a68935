import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 会话存档 (§5) */
export default [
  underConstructionRoute('messages', '内容存档'),
  {
    path: 'sensitive-words',
    loadComponent: () => import('./sensitive-words/sensitive-rules-page').then((m) => m.SensitiveRulesPage),
  },
  {
    path: 'sensitive-behaviors',
    loadComponent: () =>
      import('./sensitive-behaviors/sensitive-alerts-page').then((m) => m.SensitiveAlertsPage),
  },
] satisfies Routes;
