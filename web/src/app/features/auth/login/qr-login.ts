/**
 * 扫码登录 (I-09): the api starts WeCom's web login for the corp of the 企业ID entered here, and sends
 * the browser back to /login?mode=qr&qrError=… when the login is refused.
 */
export const QR_CORP_ID_STORAGE_KEY = 'scrm.qrLogin.corpId';

export function qrLoginStartUrl(corpId: string): string {
  return `/api/auth/wecom/start?${new URLSearchParams({ corpId: corpId.trim() })}`;
}

export interface QrLoginReturn {
  /** Open the 扫码登录 tab (the browser came back from a QR login). */
  qrMode: boolean;
  error: string | null;
  corpId: string | null;
}

export function readQrLoginReturn(params: URLSearchParams): QrLoginReturn {
  return {
    qrMode: params.get('mode') === 'qr',
    error: params.get('qrError')?.trim() || null,
    corpId: params.get('corpId')?.trim() || null,
  };
}
