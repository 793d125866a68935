import { Routes } from '@angular/router';

/** 素材管理 (§4): one page "知识库" with the tabs 话术库 / 常用语 / 常用链接 (R-0-02, R-4-02). */
export default [
  {
    path: 'knowledge',
    loadComponent: () => import('./knowledge/knowledge-page').then((m) => m.KnowledgePage),
  },
] satisfies Routes;
