/** An error the api answers on purpose: HTTP status, a stable code and a message for people (Chinese). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, code = 'BAD_REQUEST') => new AppError(400, code, message);
export const unauthorized = (message = '请先登录', code = 'UNAUTHENTICATED') =>
  new AppError(401, code, message);
export const forbidden = (message: string, code = 'FORBIDDEN') => new AppError(403, code, message);
export const notFound = (message = '资源不存在', code = 'NOT_FOUND') => new AppError(404, code, message);
export const conflict = (message: string, code = 'CONFLICT') => new AppError(409, code, message);
export const tooManyRequests = (message: string, code = 'TOO_MANY_REQUESTS') =>
  new AppError(429, code, message);
export const unavailable = (message: string, code = 'UNAVAILABLE') => new AppError(503, code, message);
