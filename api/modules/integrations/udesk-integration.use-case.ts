import type {
  IntegrationList,
  SaveUdeskIntegration,
  UdeskIntegrationView,
} from '../../../lib/contracts/integrations.contract';
import type { UdeskClient, UdeskCheck } from '../../../lib/udesk/udesk-client';
import {
  loadUdeskIntegration,
  saveUdeskIntegration,
  switchUdeskIntegration,
  type UdeskIntegration,
} from '../../../lib/udesk/udesk-integration-store';
import type { Caller } from '../../auth/caller';
import { badRequest } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { maskSecret } from '../wecom-binding/binding-view';

/** 确定 refused: nothing was saved. `udesk` is Udesk's own code and message when Udesk answered. */
export class UdeskRejectedError extends Error {
  constructor(
    message: string,
    readonly udesk: { code: number; message: string } | null,
  ) {
    super(message);
    this.name = 'UdeskRejectedError';
  }
}

const TARGET = { type: 'integration', id: 'udesk', name: 'Udesk' };

function udeskView(integration: UdeskIntegration | null): UdeskIntegrationView {
  return {
    enabled: integration?.enabled ?? false,
    configured: integration !== null,
    domain: integration?.domain ?? '',
    adminEmail: integration?.adminEmail ?? '',
    apiToken: maskSecret(integration?.apiToken),
    updatedAt: integration?.updatedAt?.toISOString() ?? null,
  };
}

/** What the audit log keeps: the token masked like the page shows it. */
function audited(integration: Omit<UdeskIntegration, 'updatedAt'> | null) {
  if (!integration) return null;
  const { domain, adminEmail, apiToken, enabled } = integration;
  return { domain, adminEmail, apiToken: maskSecret(apiToken), enabled };
}

/** The card list (R-7.5-01): V1 has Udesk only. */
export async function integrationList({ tenantId }: Pick<Caller, 'tenantId'>): Promise<IntegrationList> {
  const udesk = await loadUdeskIntegration(tenantId);
  return {
    items: [{ system: 'udesk', name: 'UDESK', enabled: udesk?.enabled ?? false, configured: udesk !== null }],
  };
}

export async function udeskIntegrationOf({
  tenantId,
}: Pick<Caller, 'tenantId'>): Promise<UdeskIntegrationView> {
  return udeskView(await loadUdeskIntegration(tenantId));
}

/** Udesk's answer as a person reads it, in Chinese, with Udesk's own code and message kept. */
function rejection(check: Exclude<UdeskCheck, { ok: true }>, domain: string): UdeskRejectedError {
  if (check.reason === 'unreachable') {
    return new UdeskRejectedError(`无法访问Udesk域名 ${domain}（${check.detail}），请检查Udesk域名`, null);
  }
  const said = check.message ? `${check.code} ${check.message}` : String(check.code);
  return new UdeskRejectedError(`Udesk校验未通过（Udesk返回 ${said}），请检查超管邮箱和API鉴权Token`, {
    code: check.code,
    message: check.message,
  });
}

/**
 * 确定 (R-7.5-02): the form merged with what is saved (an empty token keeps the saved one), checked with a signed
 * call to Udesk, and saved switched on only when Udesk accepted it; a refusal leaves everything as it was.
 */
export async function saveUdesk(
  caller: Caller,
  input: SaveUdeskIntegration,
  udesk: UdeskClient,
): Promise<UdeskIntegrationView> {
  const { tenantId } = caller;
  const before = await loadUdeskIntegration(tenantId);
  const apiToken = input.apiToken || before?.apiToken;
  if (!apiToken) throw badRequest('请输入API鉴权Token');
  const after = { domain: input.domain, adminEmail: input.adminEmail, apiToken, enabled: true };
  const check = await udesk.checkCredentials(after);
  if (!check.ok) throw rejection(check, after.domain);
  await saveUdeskIntegration(tenantId, after);
  await recordAudit(caller, {
    action: 'udesk-integration.update',
    target: TARGET,
    before: audited(before),
    after: audited(after),
  });
  return udeskIntegrationOf(caller);
}

/** 开启 / 关闭 (R-7.5-03): the saved credentials stay; switching on needs them saved first. */
export async function switchUdesk(caller: Caller, enabled: boolean): Promise<UdeskIntegrationView> {
  const before = await loadUdeskIntegration(caller.tenantId);
  if (!before || !(await switchUdeskIntegration(caller.tenantId, enabled))) {
    throw badRequest('请先完成Udesk基本设置', 'INTEGRATION_NOT_CONFIGURED');
  }
  if (before.enabled !== enabled) {
    await recordAudit(caller, {
      action: 'udesk-integration.switch',
      target: TARGET,
      before: { enabled: before.enabled },
      after: { enabled },
    });
  }
  return udeskIntegrationOf(caller);
}
