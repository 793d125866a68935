import { inject } from '@angular/core';
import { CanActivateFn } from '@angular/router';
import { map } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';

const CORP_KEY = 'scrm.h5.corpId';

/**
 * The sidebar's identity comes from WeCom OAuth, never a login form: without a session the page goes to
 * /api/h5/auth/start, which comes back here signed in. The corp is in the sidebar link (`?corpId=`).
 */
export const h5SessionGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const corpId = new URLSearchParams(location.search).get('corpId') ?? sessionStorage.getItem(CORP_KEY);
  if (corpId) sessionStorage.setItem(CORP_KEY, corpId);
  return auth.loadSession().pipe(
    map((session) => {
      if (session) return true;
      if (!corpId) {
        location.href = `/h5/error?${new URLSearchParams({ message: '请从企业微信侧边栏打开' })}`;
        return false;
      }
      location.href = `/api/h5/auth/start?${new URLSearchParams({ corpId, next: state.url })}`;
      return false;
    }),
  );
};
