/**
 * What apps sent through message/send (API.md §11), kept so tests and the scenario API can see what a member
 * received — the product's reminders arrive here. Oldest first; capped so a long-running simulator stays small.
 */
export interface SentAppMessage {
  msgid: string;
  agentid: number;
  msgtype: string;
  /** Recipients that exist, lower-cased as WeCom reports userids. */
  touser: string[];
  toparty: string[];
  content: Record<string, unknown>;
  sentAt: number;
}

const KEEP = 5000;

export class AppMessageLog {
  private readonly messages: SentAppMessage[] = [];

  record(message: SentAppMessage): void {
    this.messages.push(message);
    if (this.messages.length > KEEP) this.messages.splice(0, this.messages.length - KEEP);
  }

  list(filter: { touser?: string } = {}): SentAppMessage[] {
    const wanted = filter.touser?.toLowerCase();
    return this.messages.filter((m) => !wanted || m.touser.includes(wanted)).map((m) => structuredClone(m));
  }
}
