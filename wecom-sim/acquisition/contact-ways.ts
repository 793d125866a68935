/**
 * 「联系我」 contact ways (API.md §6): what add/get/update/del_contact_way keep, with WeCom's rules — type 1 has
 * exactly one member and no departments, type 2 at most 100 members counting departments' members, state and
 * remark at most 30 characters, members must be active. Nothing here emits callbacks.
 */
import { randomBytes } from 'node:crypto';
import { memberStatus } from '../contacts/member-roster';
import type { ContactDirectory } from '../contacts/contact-directory';
import { WecomError } from '../wecom-error';

export interface ContactWay {
  config_id: string;
  type: 1 | 2;
  scene: 1 | 2;
  style?: number;
  remark: string;
  skip_verify: boolean;
  state: string;
  user: string[];
  party: number[];
  is_temp: boolean;
  expires_in?: number;
  chat_expires_in?: number;
  unionid?: string;
  is_exclusive: boolean;
  conclusions?: Record<string, unknown>;
  created_at: number;
}

export interface ContactWayInput {
  type?: number;
  scene?: number;
  style?: number;
  remark?: string;
  skip_verify?: boolean;
  state?: string;
  user?: string[];
  party?: number[];
  is_temp?: boolean;
  expires_in?: number;
  chat_expires_in?: number;
  unionid?: string;
  is_exclusive?: boolean;
  conclusions?: Record<string, unknown>;
}

export type ContactWayChange = Omit<ContactWayInput, 'type' | 'scene' | 'is_temp' | 'is_exclusive'>;

const TEXT_MAX = 30;
const MULTI_MEMBERS_MAX = 100;
const STYLE_MAX = 3;
const TEMP_EXPIRES_MAX = 14 * 86_400;

export class ContactWayBook {
  private readonly ways = new Map<string, ContactWay>();
  /** Per way, the index of the member the next scan goes to (WeCom spreads a multi-member way's adds). */
  private readonly nextMember = new Map<string, number>();

  constructor(
    private readonly contacts: ContactDirectory,
    private readonly nowSeconds: () => number,
  ) {}

  add(input: ContactWayInput): ContactWay {
    if (input.type === undefined) throw new WecomError(41037);
    if (input.scene === undefined) throw new WecomError(41038);
    if (input.type !== 1 && input.type !== 2) throw new WecomError(41039, `type ${input.type}`);
    if (input.scene !== 1 && input.scene !== 2) throw new WecomError(41040, `scene ${input.scene}`);
    if (input.is_temp && input.type !== 1) throw new WecomError(40058, 'is_temp is for single-member ways');
    const way: ContactWay = {
      config_id: randomBytes(16).toString('hex'),
      type: input.type,
      scene: input.scene,
      remark: '',
      skip_verify: true,
      state: '',
      user: [],
      party: [],
      is_temp: input.is_temp ?? false,
      is_exclusive: input.is_exclusive ?? false,
      created_at: this.nowSeconds(),
    };
    this.apply(way, input);
    this.ways.set(way.config_id, way);
    return structuredClone(way);
  }

  get(configId: string | undefined): ContactWay {
    return structuredClone(this.stored(configId));
  }

  /** user, party and remark replace what was there; fields not given stay. */
  update(configId: string | undefined, change: ContactWayChange): ContactWay {
    const way = this.stored(configId);
    const next = structuredClone(way);
    this.apply(next, change);
    this.ways.set(way.config_id, next);
    return structuredClone(next);
  }

  delete(configId: string | undefined): void {
    this.stored(configId);
    this.ways.delete(configId!);
    this.nextMember.delete(configId!);
  }

  /** Ways created in [start, end] (seconds), oldest first; temporary ways are not listed (API.md §6). */
  list(start: number, end: number): ContactWay[] {
    return [...this.ways.values()]
      .filter((way) => !way.is_temp && way.created_at >= start && way.created_at <= end)
      .map((way) => structuredClone(way));
  }

  /** Every active member the way reaches: its users, then its departments' members, each once. */
  reachableMembers(configId: string): string[] {
    const way = this.stored(configId);
    return this.expandMembers(way.user, way.party).filter((userid) => this.isActive(userid));
  }

  /** The member a new scan lands on: the way's members in turn, skipping anyone who is not active. */
  memberForScan(configId: string): string {
    const members = this.reachableMembers(configId);
    if (members.length === 0) throw new WecomError(41054, `no active member behind ${configId}`);
    const index = (this.nextMember.get(configId) ?? 0) % members.length;
    this.nextMember.set(configId, index + 1);
    return members[index];
  }

  private stored(configId: string | undefined): ContactWay {
    if (!configId) throw new WecomError(41043);
    const way = this.ways.get(configId);
    if (!way) throw new WecomError(41044, `config_id ${configId}`);
    return way;
  }

  private apply(way: ContactWay, input: ContactWayChange): void {
    if (input.style !== undefined) {
      if (way.scene !== 1 || !Number.isInteger(input.style) || input.style < 1 || input.style > STYLE_MAX)
        throw new WecomError(41042, `style ${input.style}`);
      way.style = input.style;
    }
    if (input.remark !== undefined) way.remark = checkedText('remark', input.remark);
    if (input.state !== undefined) way.state = checkedText('state', input.state);
    if (input.skip_verify !== undefined) way.skip_verify = input.skip_verify;
    if (input.expires_in !== undefined) way.expires_in = checkedTempSeconds('expires_in', input.expires_in);
    if (input.chat_expires_in !== undefined)
      way.chat_expires_in = checkedTempSeconds('chat_expires_in', input.chat_expires_in);
    if (input.unionid !== undefined) way.unionid = input.unionid;
    if (input.conclusions !== undefined) way.conclusions = structuredClone(input.conclusions);
    if (input.user !== undefined) way.user = input.user.map((userid) => this.activeMember(userid));
    if (input.party !== undefined) {
      if (way.type === 1 && input.party.length > 0)
        throw new WecomError(40058, 'party is only for multi-member ways (type 2)');
      way.party = input.party.map((id) => this.contacts.departments.get(id).id);
    }
    this.checkMemberCount(way);
  }

  private checkMemberCount(way: ContactWay): void {
    if (way.type === 1) {
      if (way.user.length !== 1) throw new WecomError(41041, 'a single-member way has exactly one user');
      return;
    }
    const members = this.expandMembers(way.user, way.party);
    if (members.length === 0) throw new WecomError(40058, 'user or party is required');
    if (members.length > MULTI_MEMBERS_MAX)
      throw new WecomError(41041, `${members.length} members, at most ${MULTI_MEMBERS_MAX}`);
  }

  private expandMembers(users: string[], parties: number[]): string[] {
    const members = new Set(users);
    for (const party of parties) {
      if (!this.contacts.departments.has(party)) continue;
      for (const member of this.contacts.membersOf(party, true)) members.add(member.userid);
    }
    return [...members];
  }

  /** A member deleted since the way was made is simply gone from it, as when they leave the corp. */
  private isActive(userid: string): boolean {
    try {
      return memberStatus(this.contacts.members.get(userid)) === 1;
    } catch {
      return false;
    }
  }

  private activeMember(userid: string): string {
    let member;
    try {
      member = this.contacts.members.get(userid);
    } catch {
      throw new WecomError(40003, `userid ${userid}`);
    }
    if (memberStatus(member) !== 1) throw new WecomError(41054, `${userid} is not active`);
    return member.userid;
  }
}

function checkedText(field: string, value: string): string {
  if ([...value].length > TEXT_MAX) throw new WecomError(40058, `${field} is at most ${TEXT_MAX} characters`);
  return value;
}

function checkedTempSeconds(field: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0 || value > TEMP_EXPIRES_MAX)
    throw new WecomError(40058, `${field} is 1..${TEMP_EXPIRES_MAX} seconds`);
  return value;
}
