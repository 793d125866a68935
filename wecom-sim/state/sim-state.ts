/**
 * Everything the simulator knows, in memory: the clock, the corps and the tokens issued for them.
 * Seeds are plain data planted at construction and again on reset(), so "back to the seeded state" is exact.
 */
import { randomBytes } from 'node:crypto';
import { ApiLatency } from './api-latency';
import { ApiOutage } from './api-outage';
import { SimClock } from '../clock';
import type { DepartmentCreateInput } from '../contacts/department-tree';
import type { MemberFields } from '../contacts/member-input';
import { Corp, type CorpIdentity } from './corp';
import { generateSecrets, type CorpSecrets } from './secret-kinds';
import { TokenStore } from './token-store';

/** A member as seeded: the create fields plus the status WeCom would show (1 active, 2 disabled, 4 pending). */
export type MemberSeed = MemberFields & { userid: string; status?: 1 | 2 | 4 };

export interface CorpSeed {
  identity: CorpIdentity;
  /** Parents before children; ids given so every start produces the same ids. */
  departments: Array<DepartmentCreateInput & { id: number }>;
  /** Leaders before the members that name them in direct_leader. */
  members: MemberSeed[];
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
  private readonly corps = new Map<string, Corp>();

  constructor(private readonly options: { clock?: SimClock; seeds?: CorpSeed[] } = {}) {
    this.clock = options.clock ?? new SimClock();
    this.tokens = new TokenStore(this.clock);
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
    const corp = new Corp({
      corpId,
      name: request.name,
      secrets: { ...generateSecrets(), ...request.secrets },
      appAgentId: request.appAgentId ?? DEFAULT_APP_AGENT_ID,
    });
    this.corps.set(corpId, corp);
    return corp;
  }

  /** Drops every corp, token, callback and delivery, rewinds the clock, and plants the seeds again. */
  reset(): void {
    this.corps.clear();
    this.tokens.clear();
    this.latency.clear();
    this.outage.stop();
    this.clock.reset();
    this.plantSeeds();
  }

  private plantSeeds(): void {
    for (const seed of this.options.seeds ?? []) {
      const corp = this.createCorp(seed.identity);
      for (const department of seed.departments) corp.contacts.departments.create(department);
      for (const { status, ...fields } of seed.members) {
        corp.contacts.members.create(
          { ...fields, enable: status === 2 ? 0 : 1 },
          status === 4 ? 'pending' : 'active',
        );
      }
    }
  }
}
