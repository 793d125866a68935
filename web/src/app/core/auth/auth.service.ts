import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { catchError, map, Observable, of, tap } from 'rxjs';

import { callerShowsErrors } from '../net/api-error';
import { LoginRequest, LoginResponse, Session } from './auth.models';

/** The signed-in user and tenant. The session itself lives in the API's cookie. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<Session | null>(null);

  readonly session = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly tenant = computed(() => this.state()?.tenant ?? null);
  /** The 功能权限 keys of the user's role; menus and buttons outside it are hidden. */
  readonly permissions = computed<ReadonlySet<string>>(
    () => new Set(this.state()?.access?.permissions ?? []),
  );

  /** Whether the user's role has the permission (the server checks it again on every call). */
  can(permission: string): boolean {
    return this.permissions().has(permission);
  }

  /** Logs in; the login page shows every failure itself (wrong phone, disabled, wrong password, rate limit). */
  login(credentials: LoginRequest): Observable<LoginResponse> {
    return this.http
      .post<LoginResponse>('/api/auth/login', credentials, { context: callerShowsErrors() })
      .pipe(
        tap(({ user, tenant, access }) => this.state.set(user && tenant ? { user, tenant, access } : null)),
      );
  }

  /** Loads who is signed in; emits null when nobody is (401) or the check failed. */
  loadSession(): Observable<Session | null> {
    return this.http.get<Session>('/api/auth/me', { context: callerShowsErrors([401]) }).pipe(
      tap((session) => this.state.set(session)),
      catchError(() => {
        this.state.set(null);
        return of(null);
      }),
    );
  }

  /** Ends the session on the server; the local session is cleared even when the call fails. */
  logout(): Observable<void> {
    return this.http.post<unknown>('/api/auth/logout', {}).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
      tap(() => this.state.set(null)),
    );
  }

  clearSession(): void {
    this.state.set(null);
  }
}
