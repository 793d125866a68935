import { Types } from 'mongoose';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';

/**
 * Customers as the sync stores them, for the benchmarks that load many straight into MongoDB and the customer
 * index: Chinese names, a few followers each, some tags and mobiles, a fifth of them WeCom users of three corps.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';
const CORPS = [
  ['沃丰', '北京沃丰时代数据科技有限公司'],
  ['Acme', 'Acme Trading (Shanghai) Co., Ltd.'],
  ['星河', '深圳星河互联网科技有限公司'],
];

/** Who may follow and what may tag them: followers are `staff-<n>`, tags `tag-<n>`. */
export interface CustomerCorpus {
  tenantId: string;
  staff: number;
  tags: number;
}

/** The `index`-th customer, drawn from `next` (a deterministic sequence, so every run loads the same data). */
export function customerDocument(corpus: CustomerCorpus, index: number, next: () => number) {
  const adders = 1 + Math.floor(next() * 3);
  const base = Date.UTC(2024, 0, 1) + index * 60_000;
  const follows = Array.from({ length: adders }, (_, k) => ({
    userid: `staff-${Math.floor(next() * corpus.staff)}`,
    remark: '',
    description: '',
    addedAt: new Date(base + k * 3_600_000),
    tagIds: Array.from({ length: Math.floor(next() * 3) }, () => `tag-${Math.floor(next() * corpus.tags)}`),
    remarkCorpName: '',
    remarkMobiles: next() < 0.5 ? [`139${String(index).padStart(8, '0')}`] : [],
    addWay: 1,
    operUserid: '',
    state: '',
  }));
  const type = next() < 0.2 ? 2 : 1;
  const corp = CORPS[index % CORPS.length];
  const name = `${SURNAMES[index % SURNAMES.length]}${GIVEN[Math.floor(next() * GIVEN.length)]}${index}`;
  const now = new Date();
  return {
    _id: new Types.ObjectId(),
    tenantId: corpus.tenantId,
    externalUserid: `wm${String(index).padStart(10, '0')}`,
    name,
    avatar: '',
    type,
    gender: 0,
    corpName: type === 2 ? corp[0] : '',
    corpFullName: type === 2 ? corp[1] : '',
    position: '',
    follows,
    profile: {},
    ...deriveCustomerFields(follows),
    active: true,
    lastContactAt: next() < 0.3 ? new Date(base + 86_400_000) : undefined,
    createdAt: now,
    updatedAt: now,
  };
}
