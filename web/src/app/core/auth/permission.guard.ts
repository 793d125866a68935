import { inject } from '@angular/core';
import { CanActivateChildFn, CanActivateFn, Router } from '@angular/router';

import { MAIN_MENU } from '../../layout/menu';
import { AuthService } from './auth.service';
import { firstPermittedLink, menuItemOf } from './permitted-menu';

/** Shown when a role may open no menu at all. */
export const NO_ACCESS_URL = '/no-access';

/**
 * Sends the user to the first page they may open (I-11), or the no-access page. A guard rather than a
 * redirectTo function: redirects are worked out before any guard runs, so on a fresh page load (a reload,
 * or the browser coming back from 扫码登录) the session would not be loaded yet and every role would look
 * empty; guards run after authGuard has loaded it.
 */
export const landingGuard: CanActivateFn = () =>
  inject(Router).parseUrl(firstPermittedLink(MAIN_MENU, inject(AuthService).permissions()) ?? NO_ACCESS_URL);

/**
 * Keeps a typed-in URL from opening a page the role lacks: it goes to the user's first page instead.
 * Hiding is for convenience only; the api refuses the data itself (403).
 */
export const permissionGuard: CanActivateChildFn = (_route, state) => {
  const auth = inject(AuthService);
  const item = menuItemOf(MAIN_MENU, state.url);
  if (!item || auth.can(item.permission)) return true;
  return inject(Router).parseUrl(firstPermittedLink(MAIN_MENU, auth.permissions()) ?? NO_ACCESS_URL);
};
