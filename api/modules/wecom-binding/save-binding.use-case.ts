import type {
  BindingFailure,
  SaveWecomBinding,
  WecomBindingView,
} from '../../../lib/contracts/wecom-binding.contract';
import { TenantModel } from '../../../lib/models/tenant.model';
import { ensureAnalyticsRollupSchedule } from '../../../lib/temporal/analytics-rollup-schedule';
import { ensureArchiveConsentSchedule } from '../../../lib/temporal/archive-consent-schedule';
import { ensureArchiveIngestSchedule } from '../../../lib/temporal/archive-ingest-schedule';
import { ensureCustomerSyncSchedules } from '../../../lib/temporal/customer-sync-schedule';
import { ensureOrgSyncSchedule } from '../../../lib/temporal/org-sync-schedule';
import { ArchiveKeyError, inspectArchivePrivateKey } from '../../../lib/wecom/archive-key';
import {
  ensureCallbackSettings,
  loadBinding,
  saveBinding,
  type ArchiveKey,
  type WeComBinding,
} from '../../../lib/wecom/binding-store';
import type { SecretKind } from '../../../lib/wecom/client';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { auditedBinding, bindingView } from './binding-view';
import { checkSecrets, fixFor, readAgent } from './live-checks';
import { SECRET_INPUT_FIELDS, SECRET_KINDS_IN_FORM_ORDER, SECRET_LABELS } from './secret-labels';

/** 保存 refused: nothing was written; each failure names its form field and, when WeCom refused, why. */
export class BindingRejectedError extends Error {
  constructor(readonly failures: BindingFailure[]) {
    super(failures.map((f) => f.message).join('；'));
    this.name = 'BindingRejectedError';
  }
}

/** Checking secrets live, starting the syncs a first binding turns on, and the callback URLs to show. */
export type SaveBindingDeps = Pick<AppContext, 'wecom' | 'temporal' | 'log' | 'config'>;

/** The binding as the page shows it (secrets masked; callback settings generated on first read). */
export async function wecomBindingOf(
  { tenantId }: Pick<Caller, 'tenantId'>,
  { config }: Pick<AppContext, 'config'>,
): Promise<WecomBindingView> {
  return bindingView(
    tenantId,
    await loadBinding(tenantId),
    await ensureCallbackSettings(tenantId),
    config.publicUrl,
  );
}

/** Empty on edit keeps the saved secret; a secret nobody ever saved must be entered. */
function mergeSecrets(
  input: SaveWecomBinding,
  stored: WeComBinding | null,
  failures: BindingFailure[],
): Partial<Record<SecretKind, string>> {
  const secrets: Partial<Record<SecretKind, string>> = {};
  for (const kind of SECRET_KINDS_IN_FORM_ORDER) {
    const field = SECRET_INPUT_FIELDS[kind];
    const value = input[field] || stored?.secrets[kind];
    if (value) secrets[kind] = value;
    else failures.push({ field, message: `请输入${SECRET_LABELS[kind]}` });
  }
  return secrets;
}

/** The key versions listed are kept: a new PEM replaces or adds that version, no PEM keeps the saved one. */
function mergeArchiveKeys(
  input: SaveWecomBinding,
  stored: WeComBinding | null,
  failures: BindingFailure[],
): ArchiveKey[] {
  const saved = stored?.archiveKeys ?? [];
  if (!input.archiveKeys) return saved;
  const keys: ArchiveKey[] = [];
  const seen = new Set<number>();
  for (const entry of input.archiveKeys) {
    if (seen.has(entry.version)) {
      failures.push({ field: 'archiveKeys', message: `私钥版本 ${entry.version} 重复` });
      continue;
    }
    seen.add(entry.version);
    if (entry.privateKey) {
      try {
        const { publicKeyFingerprint } = inspectArchivePrivateKey(entry.privateKey);
        keys.push({ version: entry.version, privateKey: entry.privateKey.trim(), publicKeyFingerprint });
      } catch (error) {
        if (!(error instanceof ArchiveKeyError)) throw error;
        failures.push({ field: 'archiveKeys', message: `版本 ${entry.version}：${error.message}` });
      }
      continue;
    }
    const kept = saved.find((key) => key.version === entry.version);
    if (kept) keys.push(kept);
    else failures.push({ field: 'archiveKeys', message: `请粘贴版本 ${entry.version} 的私钥` });
  }
  return keys.sort((a, b) => b.version - a.version);
}

/**
 * 保存 (I-107): merge the form with what is saved, check every secret with a live token request (and
 * the agentId with agent/get), and write only when everything passed — a refused save leaves the
 * saved binding exactly as it was.
 */
export async function saveWeComBinding(
  caller: Caller,
  input: SaveWecomBinding,
  deps: SaveBindingDeps,
  now = new Date(),
): Promise<WecomBindingView> {
  const { tenantId } = caller;
  const { wecom, temporal, log } = deps;
  const tenant = await TenantModel.findById(tenantId, { name: 1 }).lean();
  if (!tenant) throw notFound();
  const stored = await loadBinding(tenantId);

  const failures: BindingFailure[] = [];
  // One corp, one tenant: 扫码登录 finds the tenant by its 企业ID.
  if (await TenantModel.exists({ 'wecom.corpId': input.corpId, _id: { $ne: tenantId } })) {
    failures.push({ field: 'corpId', message: '该企业ID已被其他账号绑定，请联系商务' });
  }
  const secrets = mergeSecrets(input, stored, failures);
  const archiveKeys = mergeArchiveKeys(input, stored, failures);
  if (failures.length > 0) throw new BindingRejectedError(failures);

  const checks = await checkSecrets(wecom, tenantId, input.corpId, secrets);
  const refused = checks.filter((check) => !check.ok);
  if (refused.length > 0 && refused.length === checks.length && refused.every((c) => c.errcode === 40013)) {
    // Every secret refused for the corp itself: the 企业ID is what is wrong.
    const { errmsg } = refused[0];
    throw new BindingRejectedError([
      {
        field: 'corpId',
        errcode: 40013,
        errmsg,
        message: `企业ID校验失败（企业微信返回 40013 ${errmsg}）：${fixFor(40013, '企业ID')}`,
      },
    ]);
  }
  for (const check of refused) {
    failures.push({
      field: SECRET_INPUT_FIELDS[check.kind],
      errcode: check.errcode,
      errmsg: check.errmsg,
      message: check.message,
    });
  }
  if (!refused.some((c) => c.kind === 'app')) {
    const agent = await readAgent(
      wecom,
      { tenantId, corpId: input.corpId, secret: secrets.app as string },
      input.agentId,
    );
    if (!agent.ok) {
      failures.push({
        field: 'agentId',
        errcode: agent.errcode,
        errmsg: agent.errmsg,
        message: agent.message,
      });
    }
  }
  if (failures.length > 0) throw new BindingRejectedError(failures);

  const after: WeComBinding = {
    corpId: input.corpId,
    corpName: stored?.corpId === input.corpId ? stored.corpName : tenant.name,
    appName: input.appName,
    agentId: input.agentId,
    secrets,
    archiveKeys,
    updatedAt: now,
  };
  await saveBinding(tenantId, after);
  await recordAudit(caller, {
    action: 'wecom-binding.update',
    target: { type: 'wecom-binding', id: after.corpId, name: '企微绑定' },
    before: auditedBinding(stored),
    after: auditedBinding(after),
  });
  if (!stored) {
    // The first binding starts the periodic org and customer-side syncs; failing here must not undo the save.
    await ensureOrgSyncSchedule(temporal.client, temporal.taskQueue, tenantId).catch((err: unknown) =>
      log.warn({ err, tenantId }, 'org sync schedule not created'),
    );
    await ensureCustomerSyncSchedules(temporal.client, temporal.taskQueue, tenantId).catch((err: unknown) =>
      log.warn({ err, tenantId }, 'customer sync schedules not created'),
    );
    await ensureAnalyticsRollupSchedule(temporal.client, temporal.taskQueue, tenantId).catch((err: unknown) =>
      log.warn({ err, tenantId }, 'analytics rollup schedule not created'),
    );
  }
  // The archive ingest and its consent sync start once the 会话存档 secret and a private key are saved.
  if (after.secrets.archive && after.archiveKeys.length > 0) {
    await ensureArchiveIngestSchedule(temporal.client, temporal.taskQueue, tenantId).catch((err: unknown) =>
      log.warn({ err, tenantId }, 'archive ingest schedule not created'),
    );
    await ensureArchiveConsentSchedule(temporal.client, temporal.taskQueue, tenantId).catch((err: unknown) =>
      log.warn({ err, tenantId }, 'archive consent schedule not created'),
    );
  }
  return wecomBindingOf(caller, deps);
}
