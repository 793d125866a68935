import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';

import { RETURN_URL_PARAM, safeReturnUrl } from './return-url';
import { AuthService } from './auth.service';

/**
 * Lets the admin open only with a session (GET /api/auth/me); otherwise goes to /login, which comes back to
 * the page asked for (a review link in a WeCom app message, say) once the visitor has logged in.
 */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (auth.session()) return true;
  const back = safeReturnUrl(state.url);
  const toLogin = () =>
    router.createUrlTree(['/login'], back ? { queryParams: { [RETURN_URL_PARAM]: back } } : {});
  return auth.loadSession().pipe(map((session) => (session ? true : toLogin())));
};
