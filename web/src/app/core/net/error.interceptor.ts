import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import { catchError, throwError } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { RETURN_URL_PARAM, safeReturnUrl } from '../auth/return-url';
import { apiErrorMessage, CALLER_SHOWS_ERROR } from './api-error';

/**
 * The one place API failures become Chinese messages: shows the server's `error.message` (or a fallback
 * by status) unless the caller said it shows that failure itself, and sends an expired session to /login
 * (an operator's to /platform/login).
 */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const message = inject(NzMessageService);
  const router = inject(Router);
  const auth = inject(AuthService);

  return next(req).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse) {
        const operatorSessionExpired = err.status === 401 && req.url.startsWith('/api/platform/tenants');
        const sessionExpired =
          err.status === 401 && !req.url.startsWith('/api/auth/') && !req.url.startsWith('/api/platform/');
        if (operatorSessionExpired) void router.navigateByUrl('/platform/login');
        if (sessionExpired) {
          auth.clearSession();
          // Back to where the user was once they have logged in again.
          const back = safeReturnUrl(router.url);
          void router.navigate(['/login'], back ? { queryParams: { [RETURN_URL_PARAM]: back } } : {});
        }
        if (!req.context.get(CALLER_SHOWS_ERROR)(err)) message.error(apiErrorMessage(err));
      }
      return throwError(() => err);
    }),
  );
};
