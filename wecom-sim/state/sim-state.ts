/**
 * Everything the simulator knows, in memory: the clock, the corps and the tokens issued for them.
 * Seeds are plain data planted at construction and again on reset(), so "back to the seeded state" is exact.
 */
import { randomBytes } from 'node:crypto';
import { ApiLatency } from './api-latency';
import { ApiRateLimit } from './api-rate-limit';
import { ApiOutage } from './api-outage';
import { SimClock } from '../clock';
import type { DepartmentCreateInput } from '../contacts/department-tree';
import type { MemberFields } from '../contacts/member-input';
import { Corp, type CorpIdentity } from './corp';
import { recordIssuedSecrets } from './issued-secrets';
import { generateSecrets, type CorpSecrets } from './secret-kinds';
import { TokenStore } from './token-store';
import { WebLoginCodes } from './web-login-codes';
import type { ExternalContact, FollowRelation } from '../customers/customer-book';
import type { JoinScene } from '../customers/group-chats';

/** A member as seeded: the create fields plus the status WeCom would show (1 active, 2 disabled, 4 pending). */
export type MemberSeed = MemberFields & { userid: string; status?: 1 | 2 | 4 };

/** The customer side of a seed: corp tags, customers with their followers, and customer groups. */
export interface CustomerSeed {
  tagGroups: Array<{
    group_id: string;
    group_name: string;
    order: number;
    tags: Array<{ id: string; name: string; order: number }>;
  }>;
  customers: Array<{
    contact: ExternalContact;
    follows: Array<
      Pick<FollowRelation, 'userid' | 'createtime' | 'add_way' | 'tag_ids' | 'remark' | 'state'> &
        Partial<Pick<FollowRelation, 'remark_mobiles'>>
    >;
  }>;
  groups: Array<{
    chat_id: string;
    name: string;
    owner: string;
    create_time: number;
    /** Colleagues the owner invited, after the owner and before the customers. */
    staffIds?: string[];
    /** 群管理员: members of the group (the owner is not one). */
    adminIds?: string[];
    customerIds: string[];
    joinScenes: JoinScene[];
  }>;
}

export interface CorpSeed {
  identity: CorpIdentity;
  /** Parents before children; ids given so every start produces the same ids. */
  departments: Array<DepartmentCreateInput & { id: number }>;
  /** Leaders before the members that name them in direct_leader. */
  members: MemberSeed[];
  /** The self-built app's console settings, when they differ from a new corp's. */
  app?: { name?: string; redirectDomain?: string };
  /** Corp.wechatDeveloperBound: a WeChat developer account bound, so WeCom hands out unionids. */
  wechatDeveloperBound?: boolean;
  customers?: CustomerSeed;
}

export interface NewCorp {
  name: string;
  corpId?: string;
  secrets?: Partial<CorpSecrets>;
  appAgentId?: number;
}

export class CorpExistsError extends Error {
  override name = 'CorpExistsError';
}

const DEFAULT_APP_AGENT_ID = 1000002;

export class SimState {
  readonly clock: SimClock;
  readonly tokens: TokenStore;
  readonly latency = new ApiLatency();
  readonly outage = new ApiOutage();
  readonly rateLimit: ApiRateLimit;
  readonly webLoginCodes: WebLoginCodes;
  private readonly corps = new Map<string, Corp>();

  constructor(private readonly options: { clock?: SimClock; seeds?: CorpSeed[] } = {}) {
    this.clock = options.clock ?? new SimClock();
    this.rateLimit = new ApiRateLimit(() => this.clock.nowMs());
    this.tokens = new TokenStore(this.clock);
    this.webLoginCodes = new WebLoginCodes(this.clock);
    this.plantSeeds();
  }

  corp(corpId: string): Corp | undefined {
    return this.corps.get(corpId);
  }

  listCorps(): Corp[] {
    return [...this.corps.values()];
  }

  createCorp(request: NewCorp): Corp {
    const corpId = request.corpId ?? `ww${randomBytes(8).toString('hex')}`;
    if (this.corps.has(corpId)) throw new CorpExistsError(`corp ${corpId} already exists`);
    const corp = new Corp(
      {
        corpId,
        name: request.name,
        secrets: { ...generateSecrets(), ...request.secrets },
        appAgentId: request.appAgentId ?? DEFAULT_APP_AGENT_ID,
      },
      () => this.clock.nowSeconds(),
    );
    this.corps.set(corpId, corp);
    recordIssuedSecrets(...Object.values(corp.identity.secrets));
    return corp;
  }

  /** Drops every corp, token, callback and delivery, rewinds the clock, and plants the seeds again. */
  reset(): void {
    this.corps.clear();
    this.tokens.clear();
    this.webLoginCodes.clear();
    this.latency.clear();
    this.rateLimit.clear();
    this.outage.stopAll();
    this.clock.reset();
    this.plantSeeds();
  }

  private plantSeeds(): void {
    for (const seed of this.options.seeds ?? []) {
      const corp = this.createCorp(seed.identity);
      Object.assign(corp.app, seed.app ?? {});
      corp.wechatDeveloperBound = seed.wechatDeveloperBound ?? false;
      for (const department of seed.departments) corp.contacts.departments.create(department);
      for (const { status, ...fields } of seed.members) {
        corp.contacts.members.create(
          { ...fields, enable: status === 2 ? 0 : 1 },
          status === 4 ? 'pending' : 'active',
        );
      }
      const customers = seed.customers;
      if (customers) corp.seedCustomerSide((c) => plantCustomers(c, customers), this.clock.nowSeconds());
    }
  }
}

function plantCustomers(corp: Corp, seed: CustomerSeed): void {
  for (const group of seed.tagGroups) {
    corp.corpTags.add(
      {
        group_name: group.group_name,
        order: group.order,
        tag: group.tags.map(({ name, order }) => ({ name, order })),
      },
      { groupId: group.group_id, tagIds: group.tags.map((tag) => tag.id) },
    );
  }
  for (const { contact, follows } of seed.customers) {
    corp.customers.upsertContact(contact);
    for (const follow of follows) {
      corp.customers.follow({
        ...follow,
        external_userid: contact.external_userid,
        description: '',
        remark_corp_name: '',
        remark_mobiles: follow.remark_mobiles ?? [],
        oper_userid: follow.userid,
        half: false,
      });
    }
  }
  for (const group of seed.groups) {
    const owner = corp.contacts.members.get(group.owner);
    corp.groupChats.create({
      chat_id: group.chat_id,
      name: group.name,
      owner: owner.userid,
      create_time: group.create_time,
      notice: '',
      member_list: [
        {
          userid: owner.userid,
          type: 1,
          join_time: group.create_time,
          join_scene: 1,
          group_nickname: '',
          name: owner.name,
        },
        ...(group.staffIds ?? []).map((userid, i) => ({
          userid: corp.contacts.members.get(userid).userid,
          type: 1 as const,
          join_time: group.create_time + (i + 1) * 10,
          join_scene: 1 as const,
          invitor: { userid: owner.userid },
          group_nickname: '',
          name: corp.contacts.members.get(userid).name,
        })),
        ...group.customerIds.map((id, i) => ({
          userid: id,
          type: 2 as const,
          join_time: group.create_time + (i + 1) * 60,
          join_scene: group.joinScenes[i],
          ...(group.joinScenes[i] === 1 ? { invitor: { userid: owner.userid } } : {}),
          group_nickname: '',
          name: corp.customers.contact(id).name,
        })),
      ],
      admin_list: (group.adminIds ?? []).map((userid) => ({ userid })),
      status: 0,
    });
  }
}
