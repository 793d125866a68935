/**
 * WelcomeCodes handed out with add_external_contact (API.md §7.1, §14.2) and what send_welcome_msg did with
 * them: a code is valid 20 seconds and can be used once — 41050 when unknown or expired, 41051 once the
 * welcome went out. The delivered welcomes are kept so tests read what the customer received.
 */
import { randomBytes } from 'node:crypto';
import { WecomError } from '../wecom-error';

export const WELCOME_CODE_TTL_SECONDS = 20;
const KEEP = 5000;

interface IssuedCode {
  userid: string;
  external_userid: string;
  issuedAt: number;
  used: boolean;
}

export interface SentWelcome {
  welcome_code: string;
  userid: string;
  external_userid: string;
  text?: { content: string };
  attachments: Array<Record<string, unknown>>;
  sentAt: number;
}

export class WelcomeCodes {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly sent: SentWelcome[] = [];

  constructor(private readonly nowSeconds: () => number) {}

  issue(userid: string, externalUserid: string): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, {
      userid,
      external_userid: externalUserid,
      issuedAt: this.nowSeconds(),
      used: false,
    });
    return code;
  }

  /** Delivers the welcome (text and attachments arrive as separate messages in WeCom; one record here). */
  send(code: string | undefined, message: Pick<SentWelcome, 'text' | 'attachments'>): SentWelcome {
    if (!code) throw new WecomError(41049);
    const issued = this.codes.get(code);
    // Once delivered, every later call hears 41051, also after the 20 seconds (doc 92599).
    if (issued?.used) throw new WecomError(41051, 'the welcome message was already sent');
    if (!issued || this.nowSeconds() - issued.issuedAt > WELCOME_CODE_TTL_SECONDS)
      throw new WecomError(41050, 'welcome_code is invalid or expired');
    issued.used = true;
    const record: SentWelcome = {
      welcome_code: code,
      userid: issued.userid,
      external_userid: issued.external_userid,
      ...(message.text ? { text: { ...message.text } } : {}),
      attachments: structuredClone(message.attachments),
      sentAt: this.nowSeconds(),
    };
    this.sent.push(record);
    if (this.sent.length > KEEP) this.sent.splice(0, this.sent.length - KEEP);
    return structuredClone(record);
  }

  delivered(filter: { external_userid?: string } = {}): SentWelcome[] {
    return this.sent
      .filter((m) => !filter.external_userid || m.external_userid === filter.external_userid)
      .map((m) => structuredClone(m));
  }
}
