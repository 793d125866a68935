/**
 * Who the corp archives and who agreed to it (API.md §15.4): the members with a 会话内容存档 seat
 * (get_permit_user_list), each customer's answer per member (check_single_agree) and the internal groups the
 * archive knows (msgaudit/groupchat/get). A pair nobody set reads as Default_Agree, as for corps whose archive
 * needs no explicit consent.
 */
export type AgreeStatus = 'Agree' | 'Disagree' | 'Default_Agree';

export interface InternalRoom {
  roomid: string;
  roomname: string;
  creator: string;
  /** Seconds. */
  room_create_time: number;
  notice: string;
  members: Array<{ memberid: string; jointime: number }>;
}

export class ArchiveConsent {
  private readonly permitted = new Set<string>();
  private readonly answers = new Map<string, { status: AgreeStatus; time: number }>();
  private readonly rooms = new Map<string, InternalRoom>();

  permit(userids: readonly string[]): void {
    for (const userid of userids) this.permitted.add(userid);
  }

  permittedUsers(): string[] {
    return [...this.permitted];
  }

  setAnswer(userid: string, externalUserid: string, status: AgreeStatus, timeSeconds: number): void {
    this.answers.set(`${userid}\u0000${externalUserid}`, { status, time: timeSeconds });
  }

  answerOf(userid: string, externalUserid: string): { status: AgreeStatus; time: number } {
    return this.answers.get(`${userid}\u0000${externalUserid}`) ?? { status: 'Default_Agree', time: 0 };
  }

  addRoom(room: InternalRoom): void {
    this.rooms.set(room.roomid, room);
  }

  room(roomid: string): InternalRoom | undefined {
    return this.rooms.get(roomid);
  }

  allRooms(): InternalRoom[] {
    return [...this.rooms.values()];
  }
}
