import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';

import { AuthService } from './auth.service';

/** Lets the admin open only with a session (GET /api/auth/me); otherwise goes to /login. */
export const authGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (auth.session()) return true;
  return auth.loadSession().pipe(map((session) => (session ? true : router.createUrlTree(['/login']))));
};
