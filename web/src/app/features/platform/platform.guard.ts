import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';

import { PlatformApi } from './platform-api';

/** The operator console opens only with an operator session; otherwise its own login page. */
export const platformGuard: CanActivateFn = () => {
  const api = inject(PlatformApi);
  const router = inject(Router);
  return api.me().pipe(
    map(() => true),
    catchError(() => of(router.createUrlTree(['/platform/login']))),
  );
};
