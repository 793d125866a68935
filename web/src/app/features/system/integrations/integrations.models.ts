import type {
  IntegrationList,
  SaveUdeskIntegration,
  UdeskIntegrationView,
} from '@contracts/integrations.contract';

/** The /api/integrations shapes (lib/contracts/integrations.contract.ts). */
export type IntegrationCard = IntegrationList['items'][number];
export type UdeskIntegration = UdeskIntegrationView;
export type SaveUdeskRequest = Partial<SaveUdeskIntegration>;

/** I-109: our wording, replacing the text the manual copied from 敏感行为设置. */
export const INTEGRATIONS_INTRO = '您可以在此对接第三方系统，开启后可在微丰中使用对应系统的能力';

/** R-7.5-01's status words. */
export const statusLabel = (enabled: boolean): string => (enabled ? '已开启' : '未开启');

/**
 * What the admin pastes as Udesk域名 may be the address from the browser (`https://demo.udesk.cn/`); the api
 * wants the host alone.
 */
export function udeskHost(input: string): string {
  return input
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}
