import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 会话存档 (§5) */
export default [
  {
    path: 'messages',
    loadComponent: () => import('./messages/archive-page').then((m) => m.ArchivePage),
  },
  underConstructionRoute('sensitive-words', '敏感消息管理'),
  underConstructionRoute('sensitive-behaviors', '敏感行为审核'),
] satisfies Routes;
