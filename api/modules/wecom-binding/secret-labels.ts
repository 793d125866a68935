import type { BindingField } from '../../../lib/contracts/wecom-binding.contract';
import type { SecretKind } from '../../../lib/wecom/client';

/** Each secret's name on the 企微绑定 form (R-7.4-02) and the form field it comes from. */
export const SECRET_LABELS: Record<SecretKind, string> = {
  contacts: '通讯录密钥',
  externalContact: '外部联系人密钥',
  archive: '会话存档密钥',
  app: '应用Secret',
};

export const SECRET_INPUT_FIELDS = {
  contacts: 'contactsSecret',
  externalContact: 'externalContactSecret',
  archive: 'archiveSecret',
  app: 'appSecret',
} as const satisfies Record<SecretKind, BindingField>;

export const SECRET_KINDS_IN_FORM_ORDER: SecretKind[] = ['contacts', 'externalContact', 'archive', 'app'];
