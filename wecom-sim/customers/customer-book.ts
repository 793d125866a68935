/**
 * A corp's customers (外部联系人) and who follows them (API.md §5): one ExternalContact per external_userid, and
 * one FollowRelation per (member × customer) with that member's remark, tags and how the customer was added.
 * Rules shared by the API and the scenario console live here; nothing here emits callbacks.
 */
import { WecomError } from '../wecom-error';
import { randomUnionid } from './external-ids';

/** One 对外属性 of a WeCom-user customer: text, web page or mini-program (the doc's external_attr shapes). */
export type ExternalAttr =
  | { type: 0; name: string; text: { value: string } }
  | { type: 1; name: string; web: { url: string; title: string } }
  | { type: 2; name: string; miniprogram: { appid: string; pagepath: string; title: string } };

export interface ExternalContact {
  external_userid: string;
  name: string;
  /** 1 WeChat user, 2 WeCom user (the position/corp/profile fields exist only for type 2). */
  type: 1 | 2;
  gender: 0 | 1 | 2;
  avatar: string;
  /**
   * A WeChat user's unionid under the corp's bound WeChat developer account; WeCom only hands it out while the
   * corp has that binding (Corp.wechatDeveloperBound), and only for type 1.
   */
  unionid?: string;
  position?: string;
  corp_name?: string;
  corp_full_name?: string;
  /** The 对外信息 the customer's own company set for them (type 2 only). */
  external_profile?: { external_attr: ExternalAttr[] };
}

export interface FollowRelation {
  userid: string;
  external_userid: string;
  remark: string;
  description: string;
  /** Seconds, as WeCom reports it. */
  createtime: number;
  tag_ids: string[];
  remark_corp_name: string;
  remark_mobiles: string[];
  add_way: number;
  oper_userid: string;
  state: string;
  /** add_half_external_contact: the customer added a skip-verify member who has not accepted yet. */
  half: boolean;
}

/**
 * What happened to a relation and when (seconds), kept after the relation ends: the statistics APIs
 * (get_user_behavior_data, API.md §10.1) count a member's adds, pending requests and the customers who deleted
 * them per day from it. A member deleting a customer is kept too, though WeCom reports no figure for it.
 */
export interface RelationEvent {
  kind: 'added' | 'half_added' | 'deleted_by_member' | 'deleted_by_customer';
  userid: string;
  external_userid: string;
  at: number;
}

/** Who ended a relation: the member deleted the customer, or the customer deleted (or blocked) the member. */
export interface RelationEnding {
  by: 'member' | 'customer';
  /** Seconds; now when left out. */
  at?: number;
}

export interface RemarkChange {
  remark?: string;
  description?: string;
  remark_company?: string;
  remark_mobiles?: string[];
}

const REMARK_MAX = 20;
const DESCRIPTION_MAX = 150;
const REMARK_COMPANY_MAX = 20;

export class CustomerBook {
  private readonly contacts = new Map<string, ExternalContact>();
  /** external_userid → userid → relation; Maps keep insertion order, so lists come out oldest first. */
  private readonly followers = new Map<string, Map<string, FollowRelation>>();
  /** userid → external_userids, for externalcontact/list and batch/get_by_user. */
  private readonly byMember = new Map<string, Set<string>>();
  private readonly history: RelationEvent[] = [];

  constructor(private readonly nowSeconds: () => number) {}

  get size(): number {
    return this.contacts.size;
  }

  contact(externalUserid: string | undefined): ExternalContact {
    if (!externalUserid) throw new WecomError(41035);
    const contact = this.contacts.get(externalUserid);
    if (!contact) throw new WecomError(40096, `external_userid ${externalUserid}`);
    return structuredClone(contact);
  }

  has(externalUserid: string): boolean {
    return this.contacts.has(externalUserid);
  }

  allContacts(): ExternalContact[] {
    return [...this.contacts.values()].map((contact) => structuredClone(contact));
  }

  /**
   * Creates the customer on first sight; later adds keep the stored profile. Every WeChat user has a unionid:
   * one is drawn when none is given (whether WeCom shows it is the views' business).
   */
  upsertContact(contact: ExternalContact): ExternalContact {
    if (!this.contacts.has(contact.external_userid)) {
      const unionid = contact.unionid ?? (contact.type === 1 ? randomUnionid() : undefined);
      this.contacts.set(contact.external_userid, { ...structuredClone(contact), unionid });
    }
    return this.contact(contact.external_userid);
  }

  updateContact(
    externalUserid: string,
    change: Partial<Omit<ExternalContact, 'external_userid'>>,
  ): ExternalContact {
    const current = this.contacts.get(externalUserid);
    if (!current) throw new WecomError(40096, `external_userid ${externalUserid}`);
    Object.assign(current, structuredClone(change));
    return structuredClone(current);
  }

  /** Relations of a customer, oldest first; half relations are not friendships yet and are left out. */
  followersOf(externalUserid: string): FollowRelation[] {
    return [...(this.followers.get(externalUserid)?.values() ?? [])].filter((r) => !r.half).map(copyRelation);
  }

  customersOf(userid: string): string[] {
    return [...(this.byMember.get(userid) ?? [])].filter((id) => !this.followers.get(id)?.get(userid)?.half);
  }

  /** The (member × customer) relation; 84061 when there is none (or only a half one). */
  relation(userid: string, externalUserid: string): FollowRelation {
    const relation = this.followers.get(externalUserid)?.get(userid);
    if (!relation || relation.half)
      throw new WecomError(84061, `${userid} has no relation with ${externalUserid}`);
    return copyRelation(relation);
  }

  hasRelation(userid: string, externalUserid: string): boolean {
    const relation = this.followers.get(externalUserid)?.get(userid);
    return Boolean(relation && !relation.half);
  }

  /** Every add, half add and deletion so far, in the order they were recorded (not necessarily by time). */
  relationHistory(): readonly RelationEvent[] {
    return this.history;
  }

  /**
   * Adds a relation, or replaces a half one (the member accepted, or the customer added them again). The add
   * is recorded at the relation's createtime.
   */
  follow(relation: FollowRelation): FollowRelation {
    if (!this.contacts.has(relation.external_userid)) {
      throw new WecomError(40096, `external_userid ${relation.external_userid}`);
    }
    let relations = this.followers.get(relation.external_userid);
    if (!relations) {
      relations = new Map();
      this.followers.set(relation.external_userid, relations);
    }
    const existing = relations.get(relation.userid);
    if (existing && !existing.half) return copyRelation(existing);
    relations.set(relation.userid, copyRelation(relation));
    let customers = this.byMember.get(relation.userid);
    if (!customers) {
      customers = new Set();
      this.byMember.set(relation.userid, customers);
    }
    customers.add(relation.external_userid);
    this.history.push({
      kind: relation.half ? 'half_added' : 'added',
      userid: relation.userid,
      external_userid: relation.external_userid,
      at: relation.createtime,
    });
    return copyRelation(relation);
  }

  /**
   * The member accepts a half-added customer: the relation becomes real with its createtime unchanged (the
   * time the customer added them), and that is when the add is counted.
   */
  accept(userid: string, externalUserid: string): FollowRelation {
    const pending = this.followers.get(externalUserid)?.get(userid);
    if (!pending?.half)
      throw new WecomError(84061, `${userid} has no pending request from ${externalUserid}`);
    return this.follow({ ...pending, half: false });
  }

  /**
   * Ends one relation (either side deleted the other); the customer stays known to the corp. A half one leaves
   * no trace: it never was a friendship.
   */
  unfollow(userid: string, externalUserid: string, ending: RelationEnding): FollowRelation {
    const relation = this.relationOrHalf(userid, externalUserid);
    const at = ending.at ?? this.nowSeconds();
    if (at < relation.createtime) {
      throw new WecomError(40058, `the relation was made at ${relation.createtime}, after ${at}`);
    }
    this.followers.get(externalUserid)!.delete(userid);
    this.byMember.get(userid)?.delete(externalUserid);
    if (!relation.half) {
      this.history.push({
        kind: ending.by === 'member' ? 'deleted_by_member' : 'deleted_by_customer',
        userid,
        external_userid: externalUserid,
        at,
      });
    }
    return relation;
  }

  remark(userid: string, externalUserid: string, change: RemarkChange): FollowRelation {
    if (Object.values(change).every((value) => value === undefined)) {
      throw new WecomError(40058, 'one of remark, description, remark_company, remark_mobiles is required');
    }
    if (change.remark !== undefined && [...change.remark].length > REMARK_MAX)
      throw new WecomError(40058, `remark is at most ${REMARK_MAX} characters`);
    if (change.description !== undefined && [...change.description].length > DESCRIPTION_MAX)
      throw new WecomError(40058, `description is at most ${DESCRIPTION_MAX} characters`);
    if (change.remark_company !== undefined) {
      if ([...change.remark_company].length > REMARK_COMPANY_MAX)
        throw new WecomError(40058, `remark_company is at most ${REMARK_COMPANY_MAX} characters`);
      if (this.contact(externalUserid).type !== 1)
        throw new WecomError(40058, 'remark_company is only for WeChat-user customers');
    }
    const relation = this.mutableRelation(userid, externalUserid);
    if (change.remark !== undefined) relation.remark = change.remark;
    if (change.description !== undefined) relation.description = change.description;
    if (change.remark_company !== undefined) relation.remark_corp_name = change.remark_company;
    if (change.remark_mobiles !== undefined) relation.remark_mobiles = [...change.remark_mobiles];
    return copyRelation(relation);
  }

  markTags(userid: string, externalUserid: string, add: string[], remove: string[]): FollowRelation {
    const relation = this.mutableRelation(userid, externalUserid);
    const tags = new Set(relation.tag_ids);
    for (const id of add) tags.add(id);
    for (const id of remove) tags.delete(id);
    relation.tag_ids = [...tags];
    return copyRelation(relation);
  }

  /** A deleted corp tag disappears from every relation, as in WeCom. */
  dropTags(tagIds: ReadonlySet<string>): void {
    for (const relations of this.followers.values()) {
      for (const relation of relations.values()) {
        if (relation.tag_ids.some((id) => tagIds.has(id))) {
          relation.tag_ids = relation.tag_ids.filter((id) => !tagIds.has(id));
        }
      }
    }
  }

  private relationOrHalf(userid: string, externalUserid: string): FollowRelation {
    const relation = this.followers.get(externalUserid)?.get(userid);
    if (!relation) throw new WecomError(84061, `${userid} has no relation with ${externalUserid}`);
    return copyRelation(relation);
  }

  private mutableRelation(userid: string, externalUserid: string): FollowRelation {
    this.contact(externalUserid);
    const relation = this.followers.get(externalUserid)?.get(userid);
    if (!relation || relation.half)
      throw new WecomError(84061, `${userid} has no relation with ${externalUserid}`);
    return relation;
  }
}

function copyRelation(relation: FollowRelation): FollowRelation {
  return { ...relation, tag_ids: [...relation.tag_ids], remark_mobiles: [...relation.remark_mobiles] };
}
