import { HttpContext, HttpContextToken, HttpErrorResponse } from '@angular/common/http';

/** The API's error body: `{ error: { code, message } }` with a Chinese message. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: '网络连接失败，请检查网络后重试',
  400: '请求参数有误',
  401: '登录已失效，请重新登录',
  403: '没有权限执行该操作',
  404: '请求的资源不存在',
  409: '数据已被修改，请刷新后重试',
  429: '操作过于频繁，请稍后再试',
  502: '服务暂时不可用，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
  504: '服务响应超时，请稍后再试',
};

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** The Chinese message to show for a failed request: the server's own message when it sent one. */
export function apiErrorMessage(err: unknown): string {
  if (err instanceof HttpErrorResponse) {
    if (isApiErrorBody(err.error) && err.error.error.message.trim() !== '') return err.error.error.message;
    return (
      FALLBACK_MESSAGES[err.status] ??
      (err.status >= 500 ? '服务器开小差了，请稍后再试' : '请求失败，请稍后再试')
    );
  }
  return '操作失败，请稍后再试';
}

/** The API's error code (e.g. `RATE_LIMITED`), when the server sent one. */
export function apiErrorCode(err: unknown): string | null {
  return err instanceof HttpErrorResponse && isApiErrorBody(err.error) ? err.error.error.code : null;
}

/**
 * Tells the error interceptor which failures the caller shows itself, so it does not toast them too.
 * The default: the interceptor shows every failure.
 */
export const CALLER_SHOWS_ERROR = new HttpContextToken<(err: HttpErrorResponse) => boolean>(
  () => () => false,
);

/** A request context for a caller that shows the given statuses itself (all of them when none are given). */
export function callerShowsErrors(statuses?: readonly number[]): HttpContext {
  return new HttpContext().set(CALLER_SHOWS_ERROR, (err) => !statuses || statuses.includes(err.status));
}
