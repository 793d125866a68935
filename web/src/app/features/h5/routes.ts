import { Routes } from '@angular/router';

import { h5SessionGuard } from './h5-session.guard';

/** H5 pages for WeCom's chat sidebar (聊天工具栏): mobile layout, identity from WeCom OAuth. */
export default [
  {
    path: '',
    loadComponent: () => import('./h5-shell').then((m) => m.H5Shell),
    children: [
      { path: 'error', loadComponent: () => import('./h5-error-page').then((m) => m.H5ErrorPage) },
      {
        path: 'customer',
        canActivate: [h5SessionGuard],
        loadComponent: () => import('./h5-customer-page').then((m) => m.H5CustomerPage),
      },
      {
        path: 'knowledge',
        canActivate: [h5SessionGuard],
        loadComponent: () => import('./h5-knowledge-panel').then((m) => m.H5KnowledgePanel),
      },
      {
        path: 'sop-todos',
        canActivate: [h5SessionGuard],
        loadComponent: () => import('./h5-sop-todos-page').then((m) => m.H5SopTodosPage),
      },
      {
        path: 'sop-todos/:todoId',
        canActivate: [h5SessionGuard],
        loadComponent: () => import('./h5-sop-todo-page').then((m) => m.H5SopTodoPage),
      },
      {
        path: 'group',
        canActivate: [h5SessionGuard],
        loadComponent: () => import('./h5-group-page').then((m) => m.H5GroupPage),
      },
    ],
  },
] satisfies Routes;
