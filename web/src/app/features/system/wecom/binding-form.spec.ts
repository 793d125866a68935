import { HttpErrorResponse } from '@angular/common/http';

import { failuresByField, savedSecretHint, toSaveRequest, type BindingFormValue } from './binding-form';

const form = (overrides: Partial<BindingFormValue> = {}): BindingFormValue => ({
  corpId: ' ww1 ',
  contactsSecret: '',
  externalContactSecret: ' new-secret ',
  archiveSecret: '',
  archiveKeys: [],
  appName: ' 应用 ',
  agentId: 1000002,
  appSecret: '',
  ...overrides,
});

describe('binding form', () => {
  it('leaves empty secrets out (keep the saved one) and trims the rest', () => {
    expect(toSaveRequest(form())).toEqual({
      corpId: 'ww1',
      appName: '应用',
      agentId: 1000002,
      archiveKeys: [],
      externalContactSecret: 'new-secret',
    });
  });

  it('sends saved key versions without a PEM, new ones with it, and drops blank rows', () => {
    const request = toSaveRequest(
      form({
        archiveKeys: [
          { version: 1, privateKey: '' },
          { version: 2, privateKey: ' PEM ' },
          { version: null, privateKey: '' },
        ],
      }),
    );
    expect(request.archiveKeys).toEqual([{ version: 1 }, { version: 2, privateKey: 'PEM' }]);
  });

  it('maps the 422 failures to their fields, joining several on one field', () => {
    const err = new HttpErrorResponse({
      status: 422,
      error: {
        error: { code: 'WECOM_BINDING_REJECTED', message: 'x' },
        failures: [
          { field: 'appSecret', message: '应用Secret校验失败（企业微信返回 40001 invalid credential）' },
          { field: 'archiveKeys', message: '版本 1：a' },
          { field: 'archiveKeys', message: '版本 2：b' },
        ],
      },
    });
    expect(failuresByField(err)).toEqual({
      appSecret: '应用Secret校验失败（企业微信返回 40001 invalid credential）',
      archiveKeys: '版本 1：a；版本 2：b',
    });
    expect(failuresByField(new HttpErrorResponse({ status: 500 }))).toBeNull();
  });

  it('says what is saved under each secret, masked', () => {
    expect(savedSecretHint('********Q71Y')).toBe('已保存（********Q71Y），留空则不修改');
    expect(savedSecretHint(null)).toBe('尚未填写');
  });
});
