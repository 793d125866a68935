import { HttpErrorResponse } from '@angular/common/http';

import { apiErrorCode, apiErrorMessage, callerShowsErrors, CALLER_SHOWS_ERROR } from './api-error';

const httpError = (status: number, error: unknown) => new HttpErrorResponse({ status, error });

describe('apiErrorMessage', () => {
  it("uses the server's Chinese message when the body has one", () => {
    const err = httpError(401, { error: { code: 'WRONG_PASSWORD', message: '密码输入有误' } });
    expect(apiErrorMessage(err)).toBe('密码输入有误');
    expect(apiErrorCode(err)).toBe('WRONG_PASSWORD');
  });

  it('falls back to a Chinese message by status when the body is not an API error', () => {
    expect(apiErrorMessage(httpError(0, null))).toBe('网络连接失败，请检查网络后重试');
    expect(apiErrorMessage(httpError(429, 'Too Many Requests'))).toBe('操作过于频繁，请稍后再试');
    expect(apiErrorMessage(httpError(500, '<html>'))).toBe('服务器开小差了，请稍后再试');
    expect(apiErrorCode(httpError(500, '<html>'))).toBeNull();
  });
});

describe('callerShowsErrors', () => {
  it('marks only the listed statuses as shown by the caller', () => {
    const handles = callerShowsErrors([429]).get(CALLER_SHOWS_ERROR);
    expect(handles(httpError(429, null))).toBe(true);
    expect(handles(httpError(500, null))).toBe(false);
  });

  it('marks every status when none are listed', () => {
    const handles = callerShowsErrors().get(CALLER_SHOWS_ERROR);
    expect(handles(httpError(400, null))).toBe(true);
    expect(handles(httpError(503, null))).toBe(true);
  });
});
