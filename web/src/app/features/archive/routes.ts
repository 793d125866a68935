import { Routes } from '@angular/router';

/** 会话存档 (§5) */
export default [
  {
    path: 'messages',
    loadComponent: () => import('./messages/archive-page').then((m) => m.ArchivePage),
  },
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
