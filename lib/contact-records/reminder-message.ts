/**
 * The WeCom app message of a 提醒事项 (API.md §11): a textcard whose button opens the customer's
 * H5 联系记录. Its description keeps within textcard's 512 bytes (the record text is at most 100 字).
 */
export type ReminderOccasion = 'mention' | 'due';

export interface ReminderMessageInput {
  occasion: ReminderOccasion;
  customerName: string;
  creatorName: string;
  text: string;
  /** "2026-11-25 16:30" in China time, or none. */
  remindAtLabel?: string;
  url: string;
}

export interface ReminderTextcard {
  title: string;
  description: string;
  url: string;
  btntxt: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const DESCRIPTION_MAX_BYTES = 512;

export function reminderTextcard(input: ReminderMessageInput): ReminderTextcard {
  const title = input.occasion === 'mention' ? `${input.creatorName}@了你` : '提醒事项到期';
  const describe = (text: string) =>
    [
      `<div class="gray">客户：${escapeHtml(input.customerName.slice(0, 30))}</div>`,
      `<div class="normal">${escapeHtml(text)}</div>`,
      ...(input.remindAtLabel ? [`<div class="highlight">提醒时间：${input.remindAtLabel}</div>`] : []),
      `<div class="gray">创建人：${escapeHtml(input.creatorName.slice(0, 30))}</div>`,
    ].join('');
  // Long names plus 100 字 of text can pass WeCom's 512 bytes: the text gives way, the link has it all.
  const fits = (text: string) => Buffer.byteLength(describe(text), 'utf8') <= DESCRIPTION_MAX_BYTES;
  let text = input.text;
  if (!fits(text)) {
    while (text.length > 0 && !fits(`${text}…`)) text = text.slice(0, -1);
    text = `${text}…`;
  }
  const description = describe(text);
  return { title: title.slice(0, 40), description, url: input.url, btntxt: '详情' };
}

/** The minute of a reminder as people in China read it. */
export function chinaMinuteLabel(at: Date): string {
  const china = new Date(at.getTime() + 8 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())} ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/** Who gets it: @-mentions at once; at the due time the creator and everyone mentioned (I-50). */
export function reminderRecipients(
  occasion: ReminderOccasion,
  record: { creatorUserid: string; mentionUserids: readonly string[] },
): string[] {
  const list =
    occasion === 'mention' ? record.mentionUserids : [record.creatorUserid, ...record.mentionUserids];
  return [...new Set(list)];
}

/** Where the message's button leads: the H5 customer page on its 联系记录 tab. */
export function customerRecordsH5Url(publicUrl: string, externalUserid: string): string {
  return `${publicUrl}/h5/customer?externalUserid=${encodeURIComponent(externalUserid)}&tab=records`;
}
