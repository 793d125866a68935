/**
 * The demo corp's customer side, the same on every start: corp tag groups, 3,000 customers (WeChat users and
 * WeCom users of other companies) added by the sales and customer-success staff, and 100 customer groups, some
 * with colleagues and 群管理员.
 * Generated from a fixed seed so ids, names and relations never change between runs. Data only.
 */
import type { ExternalAttr } from '../customers/customer-book';
import { seededUnionid, seededWecomId } from '../customers/external-ids';
import type { CustomerSeed } from '../state/sim-state';

export const DEMO_CUSTOMER_COUNT = 3000;
export const DEMO_GROUP_COUNT = 100;

/** Members in 客户联系 usage scope who have customers. */
const CUSTOMER_FACING = [
  'zhangwei',
  'lina',
  'liuyang',
  'chenjing',
  'yanglei',
  'zhaomin',
  'huangtao',
  'pengfei',
  'wuhao',
  'xujing',
  'sunpeng',
  'hulin',
  'zhuming',
  'linfeng',
  'guoqiang',
  'majing',
  'luoxiaoyu',
  'gaoyan',
  'heli',
];

const TAG_GROUPS: Array<{ name: string; tags: string[] }> = [
  { name: '客户等级', tags: ['A类客户', 'B类客户', 'C类客户'] },
  { name: '客户来源', tags: ['线上活动', '线下展会', '老客户推荐', '官网咨询'] },
  { name: '意向产品', tags: ['标准版', '专业版', '旗舰版'] },
  { name: '所属行业', tags: ['教育', '零售', '金融', '制造', '医疗'] },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国晨阳宇轩浩然子涵梓萱欣怡思远雨桐佳琪俊杰';
const COMPANIES = [
  '星河科技',
  '远航物流',
  '华锦贸易',
  '青禾教育',
  '辰光医疗',
  '恒通制造',
  '云帆零售',
  '瑞丰金融',
  '嘉木文化',
  '博达咨询',
];
const POSITIONS = ['采购经理', '总经理', '运营主管', 'IT负责人', '市场经理', '财务总监'];
const GROUP_THEMES = ['VIP客户交流群', '新品体验群', '售后服务群', '行业交流群', '活动福利群'];

/** mulberry32: a tiny seeded PRNG, so the demo data is identical on every start. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 2026-01-01 00:00:00 +08:00: customers were added during the year before it.
const BASE_SECONDS = 1767196800;
const YEAR_SECONDS = 365 * 24 * 3600;

function buildDemoCustomers(): CustomerSeed {
  const random = prng(20261125);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const tagGroups = TAG_GROUPS.map((group, g) => ({
    group_id: seededWecomId('et', `group:${group.name}`),
    group_name: group.name,
    order: TAG_GROUPS.length - g,
    tags: group.tags.map((name, t) => ({
      id: seededWecomId('et', `tag:${group.name}:${name}`),
      name,
      order: group.tags.length - t,
    })),
  }));
  const allTagIds = tagGroups.flatMap((group) => group.tags.map((tag) => tag.id));

  const customers: CustomerSeed['customers'] = [];
  for (let i = 0; i < DEMO_CUSTOMER_COUNT; i += 1) {
    const isWeComUser = random() < 0.2;
    const name = pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.5 ? pick([...GIVEN]) : '');
    const followerCount = random() < 0.7 ? 1 : random() < 0.8 ? 2 : 3;
    const followers = new Set<string>();
    while (followers.size < followerCount) followers.add(pick(CUSTOMER_FACING));
    const addedAt = BASE_SECONDS - Math.floor(random() * YEAR_SECONDS);
    customers.push({
      contact: {
        external_userid: seededWecomId('wm', `customer:${i}`),
        name,
        type: isWeComUser ? 2 : 1,
        gender: pick([0, 1, 2] as const),
        avatar: '',
        ...(isWeComUser ? { corp_name: pick(COMPANIES), position: pick(POSITIONS) } : {}),
      },
      follows: [...followers].map((userid, n) => ({
        userid,
        createtime: addedAt + n * 86400,
        add_way: pick([1, 1, 1, 2, 3, 4, 201]),
        tag_ids: allTagIds.filter(() => random() < 0.12),
        remark: random() < 0.3 ? `${name}-${pick(COMPANIES)}` : '',
        state: random() < 0.2 ? 'demo_channel' : '',
      })),
    });
  }

  const groups: CustomerSeed['groups'] = [];
  for (let g = 0; g < DEMO_GROUP_COUNT; g += 1) {
    const owner = pick(CUSTOMER_FACING);
    const size = 5 + Math.floor(random() * 56);
    const members = new Set<string>();
    while (members.size < size)
      members.add(customers[Math.floor(random() * customers.length)].contact.external_userid);
    groups.push({
      chat_id: seededWecomId('wr', `group:${g}`),
      name: `${pick(GROUP_THEMES)}${g + 1}`,
      owner,
      create_time: BASE_SECONDS - Math.floor(random() * YEAR_SECONDS),
      customerIds: [...members],
      joinScenes: [...members].map(() => pick([1, 2, 3] as const)),
    });
  }
  decorate(customers, groups);
  return { tagGroups, customers, groups };
}

/** 对外信息 a WeCom-user customer's company may set: text, web page and mini-program attributes. */
function externalAttrsFor(company: string, random: () => number): ExternalAttr[] {
  const slug = `${Math.floor(random() * 9000) + 1000}`;
  const attrs: ExternalAttr[] = [
    { type: 0, name: '公司地址', text: { value: `${company}总部大厦${slug.slice(0, 2)}层` } },
    { type: 1, name: '官网', web: { url: `https://www.example.com/${slug}`, title: `${company}官网` } },
    {
      type: 2,
      name: '企业小程序',
      miniprogram: { appid: `wx${slug}e7a1c0ffee00`, pagepath: '/pages/index', title: `${company}服务` },
    },
  ];
  return attrs.slice(0, 1 + Math.floor(random() * attrs.length));
}

/**
 * The fields WeCom adds for a corp set up like the demo one, drawn from a second seed so the data above never
 * changes: unionids of the WeChat users (the demo corp has a WeChat developer account bound), 对外信息 of half
 * the WeCom-user customers, 备注手机号 on about a third of the relations, and colleagues in six groups of ten,
 * most of them 群管理员.
 */
function decorate(customers: CustomerSeed['customers'], groups: CustomerSeed['groups']): void {
  const random = prng(20261205);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  customers.forEach(({ contact, follows }, i) => {
    if (contact.type === 1) contact.unionid = seededUnionid(`customer:${i}`);
    else if (random() < 0.5)
      contact.external_profile = { external_attr: externalAttrsFor(contact.corp_name ?? '', random) };
    for (const follow of follows) {
      if (random() < 0.35)
        follow.remark_mobiles = [
          `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
        ];
    }
  });
  for (const group of groups) {
    if (random() >= 0.6) continue;
    const colleagues = CUSTOMER_FACING.filter((userid) => userid !== group.owner);
    const staff = new Set<string>();
    const count = random() < 0.7 ? 1 : 2;
    while (staff.size < count) staff.add(pick(colleagues));
    group.staffIds = [...staff];
    group.adminIds = group.staffIds.filter(() => random() < 0.8);
  }
}

export const demoCustomerSeed: CustomerSeed = buildDemoCustomers();
