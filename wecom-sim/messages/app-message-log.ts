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

  /**
   * Of `users`, those who did not receive the same message (type, content and app) since `sinceMs`: what
   * WeCom's duplicate check (`enable_duplicate_check`) still delivers.
   */
  notReceivedSince(
    users: readonly string[],
    message: Pick<SentAppMessage, 'agentid' | 'msgtype' | 'content'>,
    sinceMs: number,
  ): string[] {
    const same = JSON.stringify(message.content);
    const received = new Set(
      this.messages
        .filter(
          (sent) =>
            sent.sentAt >= sinceMs &&
            sent.agentid === message.agentid &&
            sent.msgtype === message.msgtype &&
            JSON.stringify(sent.content) === same,
        )
        .flatMap((sent) => sent.touser),
    );
    return users.filter((user) => !received.has(user));
  }

  list(filter: { touser?: string } = {}): SentAppMessage[] {
    const wanted = filter.touser?.toLowerCase();
    return this.messages.filter((m) => !wanted || m.touser.includes(wanted)).map((m) => structuredClone(m));
  }
}
