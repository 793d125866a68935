import {
  RECORD_ATTACHMENT_MAX_BYTES,
  RECORD_ATTACHMENTS_MAX,
  RECORD_TEXT_MAX,
} from './contact-records.models';

/** What is wrong with a record before it is sent, in the server's wording; null when it may be sent. */
export function recordProblem(form: {
  kind: 'record' | 'reminder';
  text: string;
  mentionUserids: string[];
  remindAt: string;
  now?: Date;
}): string | null {
  const text = form.text.trim();
  if (!text) return '请输入内容';
  if (text.length > RECORD_TEXT_MAX) return `内容最多${RECORD_TEXT_MAX}个字`;
  if (form.kind === 'reminder') {
    if (form.mentionUserids.length === 0 && !form.remindAt) return '提醒事项请@同事或设置提醒时间';
    if (form.remindAt && new Date(form.remindAt).getTime() <= (form.now ?? new Date()).getTime()) {
      return '提醒时间须晚于当前时间';
    }
  }
  return null;
}

/** Files that cannot be attached, with why (any type is fine; at most 9, each at most 20 MB). */
export function attachmentProblem(already: number, files: ReadonlyArray<{ size: number }>): string | null {
  if (already + files.length > RECORD_ATTACHMENTS_MAX) return `最多上传${RECORD_ATTACHMENTS_MAX}个附件`;
  if (files.some((file) => file.size > RECORD_ATTACHMENT_MAX_BYTES)) return '单个附件不能超过20M';
  return null;
}

/** `<input type="datetime-local">` gives local time to the minute; the API takes ISO 8601 with offset. */
export function remindAtIso(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
