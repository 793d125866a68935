import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { firstValueFrom, isObservable, Observable, of } from 'rxjs';

import { authGuard } from './auth.guard';
import { AuthService } from './auth.service';

describe('authGuard', () => {
  let http: HttpTestingController;

  const runGuard = () =>
    TestBed.runInInjectionContext(() =>
      authGuard({} as ActivatedRouteSnapshot, { url: '/system/org' } as RouterStateSnapshot),
    );
  const resolve = (result: ReturnType<typeof runGuard>) =>
    firstValueFrom(
      isObservable(result) ? (result as Observable<boolean | UrlTree>) : of(result as boolean | UrlTree),
    );

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lets a signed-in user in and remembers who it is', async () => {
    const result = resolve(runGuard());
    http.expectOne('/api/auth/me').flush({
      user: { id: 'u1', name: '管理员', phone: '13800000000' },
      tenant: { id: 't1', name: '沃丰', corpName: '沃丰时代' },
    });

    expect(await result).toBe(true);
    expect(TestBed.inject(AuthService).tenant()?.corpName).toBe('沃丰时代');
  });

  it('sends a visitor without a session to /login, to come back to the page asked for', async () => {
    const result = resolve(runGuard());
    http
      .expectOne('/api/auth/me')
      .flush(
        { error: { code: 'UNAUTHENTICATED', message: '请先登录' } },
        { status: 401, statusText: 'Unauthorized' },
      );

    const tree = await result;
    expect(tree instanceof UrlTree && TestBed.inject(Router).serializeUrl(tree)).toBe(
      '/login?returnUrl=%2Fsystem%2Forg',
    );
  });
});
