import { HttpErrorResponse } from '@angular/common/http';

import { BindingFailure, BindingField, SaveBindingRequest } from './wecom-binding.models';

/** The form as typed: secrets empty unless the admin enters a new one. */
export interface BindingFormValue {
  corpId: string;
  contactsSecret: string;
  externalContactSecret: string;
  archiveSecret: string;
  archiveKeys: Array<{ version: number | null; privateKey: string }>;
  appName: string;
  agentId: number | null;
  appSecret: string;
}

const SECRET_FIELDS = ['contactsSecret', 'externalContactSecret', 'archiveSecret', 'appSecret'] as const;

/** An empty secret field means "keep the saved one": it is left out of the request. */
export function toSaveRequest(value: BindingFormValue): SaveBindingRequest {
  const request: SaveBindingRequest = {
    corpId: value.corpId.trim(),
    appName: value.appName.trim(),
    agentId: Number(value.agentId),
    archiveKeys: value.archiveKeys
      .filter((key) => key.version !== null || key.privateKey.trim() !== '')
      .map((key) => ({
        version: Number(key.version),
        ...(key.privateKey.trim() ? { privateKey: key.privateKey.trim() } : {}),
      })),
  };
  for (const field of SECRET_FIELDS) {
    const secret = value[field].trim();
    if (secret) request[field] = secret;
  }
  return request;
}

/** The 422 answer's failures, one message per form field (several archive-key problems joined). */
export function failuresByField(err: unknown): Partial<Record<BindingField, string>> | null {
  if (!(err instanceof HttpErrorResponse) || err.status !== 422) return null;
  const failures = (err.error as { failures?: BindingFailure[] } | null)?.failures ?? [];
  const byField: Partial<Record<BindingField, string>> = {};
  for (const failure of failures) {
    byField[failure.field] = byField[failure.field]
      ? `${byField[failure.field]}；${failure.message}`
      : failure.message;
  }
  return byField;
}

/** The hint under a secret field: what is saved, and that leaving it empty keeps it. */
export function savedSecretHint(masked: string | null): string {
  return masked ? `已保存（${masked}），留空则不修改` : '尚未填写';
}
