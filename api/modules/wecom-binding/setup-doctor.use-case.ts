import type { DoctorItem, DoctorReport } from '../../../lib/contracts/wecom-binding.contract';
import { DepartmentModel } from '../../../lib/models/department.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { loadBinding, loadCallbackSecrets, type WeComBinding } from '../../../lib/wecom/binding-store';
import { CALLBACK_SOURCES, callbackUrl, type CallbackSource } from '../../../lib/wecom/callback-settings';
import { WeComApiError } from '../../../lib/wecom/errors';
import { decryptRandomKey } from '../../../lib/wecom/archive-key';
import { ChatArchiveSdkError, type ChatData } from '../../../lib/wecom/chat-archive-sdk';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { probeCallbackUrl } from './callback-probe';
import { checkSecrets, readAgent, type AgentInfo } from './live-checks';
import { SECRET_KINDS_IN_FORM_ORDER, SECRET_LABELS } from './secret-labels';

const CALLBACK_LABELS: Record<CallbackSource, string> = {
  contacts: '通讯录事件回调URL',
  customers: '外部联系人事件回调URL',
};
const CALLBACK_CONSOLE_PLACES: Record<CallbackSource, string> = {
  contacts: '「管理工具 → 通讯录同步 → 设置接收事件服务器」',
  customers: '「客户联系 → 客户 → API → 接收事件服务器」',
};
const NAMES_SHOWN = 5;

/** `chatArchive`: the Finance SDK, or why this deployment has none (real WeCom without the native library). */
export type DoctorDeps = Pick<AppContext, 'wecom' | 'chatArchive' | 'config'>;

// GetChatData pages through at most this many messages looking for the newest one.
const ARCHIVE_PAGE = 1000;
const ARCHIVE_MAX_PAGES = 20;

/**
 * 体检 (setup doctor): checks every part of the binding against WeCom and against our own public URL,
 * and says per item ok, or exactly what to fix. Never changes anything.
 */
export async function runSetupDoctor(
  { tenantId }: Caller,
  deps: DoctorDeps,
  now = new Date(),
): Promise<DoctorReport> {
  const binding = await loadBinding(tenantId);
  if (!binding) {
    return {
      checkedAt: now.toISOString(),
      items: [
        {
          key: 'binding',
          label: '企业微信绑定',
          status: 'error',
          message: '尚未绑定企业微信：请先填写企业ID和各项密钥并保存',
        },
      ],
    };
  }
  const [secretItems, appItems, callbackItems] = await Promise.all([
    checkSecretItems(deps, tenantId, binding),
    checkAppItems(deps, tenantId, binding),
    Promise.all(CALLBACK_SOURCES.map((source) => checkCallback(deps, tenantId, source))),
  ]);
  const archiveSecretOk = secretItems.some((item) => item.key === 'secret.archive' && item.status === 'ok');
  return {
    checkedAt: now.toISOString(),
    items: [
      ...secretItems,
      ...appItems,
      ...callbackItems,
      checkArchiveKeys(binding),
      ...(archiveSecretOk && binding.archiveKeys.length > 0
        ? [await checkArchiveKeyVersion(deps, binding)]
        : []),
    ],
  };
}

async function checkSecretItems(
  deps: DoctorDeps,
  tenantId: string,
  binding: WeComBinding,
): Promise<DoctorItem[]> {
  const checks = await checkSecrets(deps.wecom, tenantId, binding.corpId, binding.secrets);
  const items = SECRET_KINDS_IN_FORM_ORDER.map((kind): DoctorItem => {
    const label = SECRET_LABELS[kind];
    const check = checks.find((c) => c.kind === kind);
    if (!check) return { key: `secret.${kind}`, label, status: 'error', message: `尚未填写${label}` };
    return check.ok
      ? { key: `secret.${kind}`, label, status: 'ok', message: '可以获取 access_token' }
      : { key: `secret.${kind}`, label, status: 'error', message: check.message };
  });
  // A valid secret of the wrong app still gets a token; only the contacts-sync secret may list member ids.
  if (checks.some((c) => c.kind === 'contacts' && c.ok))
    items.push(await checkContactsPermission(deps, tenantId, binding));
  return items;
}

async function checkContactsPermission(
  deps: DoctorDeps,
  tenantId: string,
  binding: WeComBinding,
): Promise<DoctorItem> {
  const base = { key: 'secret.contacts.permission', label: '通讯录同步权限' };
  try {
    await deps.wecom.call(
      {
        tenantId,
        corpId: binding.corpId,
        secretKind: 'contacts',
        secret: binding.secrets.contacts as string,
      },
      { method: 'POST', path: '/user/list_id', body: { limit: 1 } },
    );
    return { ...base, status: 'ok', message: '通讯录密钥可以读取成员列表' };
  } catch (error) {
    const code = error instanceof WeComApiError ? `${error.errcode} ${error.errmsg}` : String(error);
    return {
      ...base,
      status: 'error',
      message: `通讯录密钥无法读取成员列表（企业微信返回 ${code}）：请填写「管理工具 → 通讯录同步」中的 Secret，并开启 API 接口同步`,
    };
  }
}

async function checkAppItems(
  deps: DoctorDeps,
  tenantId: string,
  binding: WeComBinding,
): Promise<DoctorItem[]> {
  const label = '网页应用ID';
  if (!binding.secrets.app || !binding.agentId) {
    return [{ key: 'app.agent', label, status: 'error', message: '尚未填写网页应用ID和应用Secret' }];
  }
  const answer = await readAgent(
    deps.wecom,
    { tenantId, corpId: binding.corpId, secret: binding.secrets.app },
    binding.agentId,
  );
  if (!answer.ok) return [{ key: 'app.agent', label, status: 'error', message: answer.message }];
  return [
    {
      key: 'app.agent',
      label,
      status: 'ok',
      message: `应用「${answer.agent.name}」（AgentId ${answer.agent.agentid}）可用`,
    },
    await checkVisibleRange(tenantId, answer.agent),
    checkRedirectDomain(deps.config.publicUrl, answer.agent),
  ];
}

/** Staff switched on (开启系统) must be inside the app's 可见范围, or WeCom refuses their 扫码登录. */
async function checkVisibleRange(tenantId: string, agent: AgentInfo): Promise<DoctorItem> {
  const base = { key: 'app.visibility', label: '应用可见范围' };
  const users = new Set((agent.allow_userinfos?.user ?? []).map((u) => u.userid.toLowerCase()));
  const visibleDepartments = new Set(agent.allow_partys?.partyid ?? []);
  const [staff, departments] = await Promise.all([
    StaffModel.find(
      { tenantId, systemEnabled: true, deletedAt: { $exists: false } },
      { userid: 1, name: 1, departmentIds: 1 },
    ).lean(),
    DepartmentModel.find({ tenantId }, { deptId: 1, parentId: 1 }).lean(),
  ]);
  const parentOf = new Map(departments.map((d) => [d.deptId, d.parentId]));
  const inVisibleDepartment = (deptId: number) => {
    for (let current: number | undefined = deptId, hops = 0; current && hops < 100; hops += 1) {
      if (visibleDepartments.has(current)) return true;
      current = parentOf.get(current);
    }
    return false;
  };
  const outside = staff.filter(
    (s) => !users.has(s.userid.toLowerCase()) && !s.departmentIds.some(inVisibleDepartment),
  );
  if (outside.length === 0) {
    return { ...base, status: 'ok', message: `已开启系统的 ${staff.length} 名员工都在应用可见范围内` };
  }
  const names = outside
    .slice(0, NAMES_SHOWN)
    .map((s) => s.name)
    .join('、');
  const more = outside.length > NAMES_SHOWN ? ` 等 ${outside.length} 人` : '';
  const tags = (agent.allow_tags?.tagid ?? []).length > 0 ? '（可见范围中的标签未计入）' : '';
  return {
    ...base,
    status: 'warn',
    message: `${names}${more}已开启系统，但不在应用可见范围内${tags}，无法扫码登录：请在企业微信管理后台「应用管理 → 应用 → 可见范围」中添加`,
  };
}

function checkRedirectDomain(publicUrl: string, agent: AgentInfo): DoctorItem {
  const base = { key: 'app.redirectDomain', label: '可信域名' };
  const host = new URL(publicUrl).hostname;
  if (agent.redirect_domain === host)
    return { ...base, status: 'ok', message: `可信域名为 ${host}，扫码登录可用` };
  return {
    ...base,
    status: 'warn',
    message: `扫码登录会回到 ${host}，但应用的可信域名是「${agent.redirect_domain || '未设置'}」：请在「应用管理 → 应用 → 网页授权及JS-SDK」中设为 ${host}`,
  };
}

async function checkCallback(
  deps: DoctorDeps,
  tenantId: string,
  source: CallbackSource,
): Promise<DoctorItem> {
  const label = CALLBACK_LABELS[source];
  const key = `callback.${source}`;
  const url = callbackUrl(deps.config.publicUrl, tenantId, source);
  const secrets = await loadCallbackSecrets(tenantId, source);
  if (!secrets) return { key, label, status: 'error', message: '回调参数尚未生成：请打开企微绑定页后保存' };
  const probe = await probeCallbackUrl(url, secrets);
  if (!probe.ok) {
    return {
      key,
      label,
      status: 'error',
      message: `${url} ${probe.reason}：请确认 PUBLIC_URL 可从公网访问，且反向代理把 /wecom/callback/ 转发到本服务`,
    };
  }
  const place = CALLBACK_CONSOLE_PLACES[source];
  if (probe.slow) {
    return {
      key,
      label,
      status: 'warn',
      message: `URL 校验通过，但用时 ${probe.elapsedMs} 毫秒，超过企业微信要求的 1 秒，保存时可能失败`,
    };
  }
  return {
    key,
    label,
    status: 'ok',
    message: `URL 可访问，echostr 校验通过；请确认已在${place}填写该 URL、Token 和 EncodingAESKey`,
  };
}

function checkArchiveKeys(binding: WeComBinding): DoctorItem {
  const base = { key: 'archive.keys', label: '会话存档私钥' };
  if (binding.archiveKeys.length === 0) {
    return {
      ...base,
      status: 'error',
      message:
        '尚未填写会话存档私钥：请生成 RSA 2048 密钥对，把公钥上传到「管理工具 → 会话内容存档」，再把私钥和公钥版本号填在这里',
    };
  }
  const versions = binding.archiveKeys.map((k) => k.version).join('、');
  return { ...base, status: 'ok', message: `已保存公钥版本 ${versions} 的私钥（PKCS#1 RSA 2048）` };
}

/**
 * The private key must match the public key WeCom encrypts with now: the newest archived message names its
 * publickey_ver, and our key of that version must open its random key (RSA PKCS#1 v1.5).
 */
async function checkArchiveKeyVersion(deps: DoctorDeps, binding: WeComBinding): Promise<DoctorItem> {
  const base = { key: 'archive.publicKeyVersion', label: '会话存档公钥版本' };
  if (!deps.chatArchive.available) {
    return {
      ...base,
      status: 'warn',
      message: `${deps.chatArchive.reason}；无法核对公钥版本（publickey_ver）`,
    };
  }
  let newest: ChatData | undefined;
  try {
    for (let page = 0, seq = 0; page < ARCHIVE_MAX_PAGES; page += 1) {
      const batch = await deps.chatArchive.sdk.getChatData({
        corpId: binding.corpId,
        secret: binding.secrets.archive as string,
        seq,
        limit: ARCHIVE_PAGE,
      });
      newest = batch.at(-1) ?? newest;
      if (batch.length < ARCHIVE_PAGE) break;
      seq = batch[batch.length - 1].seq;
    }
  } catch (error) {
    if (error instanceof ChatArchiveSdkError && error.errcode === 301053) {
      return { ...base, status: 'warn', message: '企业微信尚未开通会话内容存档，或尚未上传消息加密公钥' };
    }
    const reason = error instanceof ChatArchiveSdkError ? `${error.errcode} ${error.errmsg}` : String(error);
    return { ...base, status: 'error', message: `拉取会话存档失败（${reason}）` };
  }
  if (!newest) {
    return { ...base, status: 'warn', message: '暂无存档消息，无法核对公钥版本：有新消息后请再体检' };
  }
  const version = newest.publickey_ver;
  const key = binding.archiveKeys.find((k) => k.version === version);
  if (!key) {
    return {
      ...base,
      status: 'error',
      message: `企业微信当前用公钥版本 ${version} 加密消息，但这里没有版本 ${version} 的私钥：请填写与该公钥配对的私钥`,
    };
  }
  try {
    decryptRandomKey(key.privateKey, newest.encrypt_random_key);
  } catch {
    return {
      ...base,
      status: 'error',
      message: `版本 ${version} 的私钥解不开最新消息：它与企业微信上的版本 ${version} 公钥不是一对，请重新填写`,
    };
  }
  return {
    ...base,
    status: 'ok',
    message: `最新消息使用公钥版本 ${version}，已保存的版本 ${version} 私钥可以解密`,
  };
}
