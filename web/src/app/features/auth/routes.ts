import { Routes } from '@angular/router';

/** 注册登录 (§1): login only; there is no self-registration (R-1.1-01). */
export default [
  { path: '', loadComponent: () => import('./login/login-page').then((m) => m.LoginPage) },
] satisfies Routes;
