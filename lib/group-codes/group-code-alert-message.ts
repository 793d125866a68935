/**
 * The 微丰小助手 app messages about a 群活码 (R-0-13, I-25), as a textcard (API.md §11) whose button opens the
 * code's 管理实际群码 page in the admin.
 */
export type GroupCodeAlertKind = 'dry-soon' | 'abnormal';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function groupCodeAlertTextcard(input: {
  kind: GroupCodeAlertKind;
  codeName: string;
  scene: string;
  url: string;
}) {
  const title = input.kind === 'abnormal' ? '群活码已异常' : '群活码即将不可用';
  const advice =
    input.kind === 'abnormal'
      ? '所有实际群码已满或已过期，扫码客户将无法进群，请尽快添加新的实际群码。'
      : '剩余实际群码即将扫满或在一天内过期，请及时添加新的实际群码。';
  return {
    title,
    description: [
      `<div class="gray">群活码：${escapeHtml(input.codeName)}</div>`,
      `<div class="gray">活动场景：${escapeHtml(input.scene)}</div>`,
      `<div class="highlight">${advice}</div>`,
    ].join(''),
    url: input.url,
    btntxt: '详情',
  };
}

/** The admin page where the creator adds groups. */
export function groupCodeAdminUrl(publicUrl: string, codeId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/acquisition/group-codes/${codeId}/groups`;
}
