/**
 * The 群画像 message trend (R-3.2.2-03) counts a group's messages per China day, by staff and by
 * external contacts. The counts come from the chat archive, which does not exist yet: until the archive
 * issue plugs its counter in here (e.g. a `$group` by day and sender type over the archived messages of
 * this chat id), every day reads 0 and the answer says `archived: false`.
 */
export interface DailyGroupMessages {
  staff: number;
  customers: number;
}

export interface GroupMessageCounter {
  /** Whether there is an archive to count from at all. */
  readonly archived: boolean;
  /** Counts per YYYY-MM-DD China day in [from, to); days without messages may be left out. */
  countByDay(
    tenantId: string,
    chatId: string,
    from: Date,
    to: Date,
  ): Promise<Map<string, DailyGroupMessages>>;
}

/** Today's counter: no chat archive yet. */
export const noChatArchiveYet: GroupMessageCounter = {
  archived: false,
  countByDay: async () => new Map(),
};
