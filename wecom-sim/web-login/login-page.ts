/** The simulator's stand-in for WeCom's QR page: instead of a phone, pick the member who "scans". */
import type { LoginRequest } from './login-request';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:sans-serif;max-width:520px;margin:40px auto;color:#222}
h1{font-size:20px}.members button{display:block;width:100%;margin:6px 0;padding:8px;text-align:left;cursor:pointer}
.note{color:#888;font-size:13px}.error{color:#c00}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function loginPageHtml(request: LoginRequest, query: string): string {
  const members = request.corp.contacts.members
    .all()
    .filter((m) => m.enable === 1 && m.activation === 'active')
    .map(
      (m) =>
        `<button type="submit" name="userid" value="${escapeHtml(m.userid)}" data-testid="sim-login-member-${escapeHtml(m.userid)}">${escapeHtml(m.name)}（${escapeHtml(m.userid)}）</button>`,
    )
    .join('');
  const action = `confirm?${escapeHtml(query)}`;
  return page(
    '企业微信登录',
    `<h1>企业微信扫码登录</h1>
<p>${escapeHtml(request.corp.identity.name)} · ${escapeHtml(request.corp.app.name)}</p>
<p class="note">模拟器：选择扫码的成员即视为在手机上确认登录。</p>
<form method="post" action="${action}" class="members">${members}
<button type="submit" name="nonMember" value="1" data-testid="sim-login-non-member">非企业成员扫码</button>
<button type="submit" name="decline" value="1" data-testid="sim-login-decline">拒绝登录</button>
</form>`,
  );
}

export function loginErrorHtml(message: string, errcode?: number): string {
  return page(
    '企业微信登录',
    `<h1>无法登录</h1><p class="error" data-testid="sim-login-error">${escapeHtml(message)}${errcode ? `（${errcode}）` : ''}</p>`,
  );
}
