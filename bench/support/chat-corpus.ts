/**
 * Chinese chat text for the archive and sensitive-word benchmarks, deterministic so every run sees the same
 * corpus. The simulator's conversation generator picks from 30 fixed sentences, enough for correctness tests
 * but not for timing a search (every word would hit ~2% of the messages): here sentences are templates whose
 * slots (products, cities, companies, names, amounts, dates) are drawn with a Zipf-like skew, so some words are
 * in a third of the messages and others in a handful out of a million, as in real sales chats.
 */

/** A deterministic pseudo-random sequence in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, and good enough to spread picks.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

/** An index in [0, n) where low indexes are far more likely (rank k drawn ∝ 1/(k+1)). */
export function zipf(next: () => number, n: number): number {
  // Inverse of the continuous 1/x distribution on [1, n+1): cheap and close to a discrete Zipf(1).
  return Math.min(n - 1, Math.floor(Math.exp(next() * Math.log(n + 1))) - 1);
}

const pickFrom = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];
const skewed = <T>(next: () => number, items: readonly T[]): T => items[zipf(next, items.length)];

const MODIFIERS = [
  '智能',
  '高端',
  '经典',
  '节能',
  '便携',
  '商用',
  '家用',
  '旗舰',
  '入门',
  '专业',
  '静音',
  '变频',
];
const GOODS = [
  '空调',
  '冰箱',
  '洗衣机',
  '净水器',
  '扫地机器人',
  '路由器',
  '打印机',
  '投影仪',
  '笔记本电脑',
  '显示器',
  '咖啡机',
  '空气净化器',
  '热水器',
  '电动牙刷',
  '蓝牙耳机',
  '办公椅',
  '会议平板',
  '监控摄像头',
  '服务器',
  '收银机',
];
/** 120 products: modifier × goods, in a fixed shuffled order so the skew does not follow the lists. */
export const PRODUCTS: readonly string[] = (() => {
  const all = MODIFIERS.flatMap((m) => GOODS.map((g) => `${m}${g}`));
  const next = random(7);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, 120);
})();
/** Most-mentioned first. */
export const CITIES = [
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '成都',
  '武汉',
  '南京',
  '重庆',
  '西安',
  '苏州',
  '天津',
  '长沙',
  '郑州',
  '青岛',
  '东莞',
  '宁波',
  '佛山',
  '合肥',
  '福州',
  '厦门',
  '济南',
  '无锡',
  '昆明',
  '大连',
  '沈阳',
  '南昌',
  '贵阳',
  '南宁',
  '石家庄',
  '太原',
  '哈尔滨',
  '长春',
  '兰州',
  '温州',
  '泉州',
  '徐州',
  '珠海',
  '惠州',
  '烟台',
  '呼和浩特',
  '银川',
  '西宁',
  '海口',
  '三亚',
  '拉萨',
  '乌鲁木齐',
  '喀什',
  '克拉玛依',
  '石河子',
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建文辉力斌宇浩凯鹏飞鑫波';
const FIRMS = ['科技', '贸易', '实业', '电子', '物流', '医药', '教育', '餐饮', '建材', '传媒'];
const STATES = ['已发货', '在途中', '已签收', '待付款', '已退款', '待审核'];
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

type Slot = (next: () => number) => string;
const product: Slot = (next) => skewed(next, PRODUCTS);
const city: Slot = (next) => skewed(next, CITIES);
const person: Slot = (next) => `${skewed(next, [...SURNAMES])}${pickFrom(next, [...GIVEN])}`;
const firm: Slot = (next) =>
  `${city(next)}${pickFrom(next, [...GIVEN])}${pickFrom(next, [...GIVEN])}${pickFrom(next, FIRMS)}有限公司`;
const amount: Slot = (next) => String(100 * (1 + Math.floor(next() * 500)));
const count: Slot = (next) => String(1 + Math.floor(next() * 300));
const day: Slot = (next) => `${1 + Math.floor(next() * 12)}月${1 + Math.floor(next() * 28)}日`;
const order: Slot = (next) => `DD${String(Math.floor(next() * 1e10)).padStart(10, '0')}`;

/** Sentence templates, most frequent first; `{x}` is a slot. */
const TEMPLATES: ReadonlyArray<string> = [
  '您好，请问{product}现在有优惠活动吗？',
  '好的，收到，我这边马上安排。',
  '{product}本周下单可以享受九折优惠，{city}仓库当天发货。',
  '麻烦把{product}的报价单再发我一份，谢谢。',
  '合同我已经发到您的邮箱了，请查收，有问题随时联系我。',
  '我们{firm}需要采购{count}台{product}，能给个批量价吗？',
  '订单{order}的物流状态是{state}，预计{day}送达{city}。',
  '价格方面还能再商量吗？{city}那边的报价比你们低一些。',
  '{weekday}下午方便视频沟通一下{product}的方案吗？',
  '发票抬头写{firm}，税号稍后发给您。',
  '请问需要开增值税专用发票吗？金额是{amount}元。',
  '上次{person}反馈的售后问题已经处理好了吗？',
  '已经处理好了，{product}换了新机，感谢您的耐心等待！',
  '大家好，{day}在{city}有新品发布会，欢迎参加！',
  '老客户续约赠送三个月服务期，{person}经理已经确认了。',
  '这个{product}能不能定制外观？我们要印公司标志。',
  '可以的，我们的技术同事{person}会和您详细对接需求。',
  '请问会员积分怎么兑换？我有{amount}积分。',
  '在小程序里点“我的积分”就可以兑换{product}。',
  '{person}您好，{firm}的付款{amount}元已经到账。',
  '辛苦了，祝您工作顺利！',
  '明白了，谢谢您的解答。',
  '我把{product}的产品手册发到群里了，大家可以看看。',
  '物流单号是多少？我查一下{order}。',
  '下个月续约的话还有额外赠送吗？',
  '{city}的门店地址发我一下，我{weekday}过去看看{product}。',
  '安装师傅{day}上门，请保持电话畅通。',
  '这款{product}保修几年？坏了去{city}哪里修？',
  '整机保修三年，{city}有我们的授权服务中心。',
  '好的，那我们就按这个方案执行吧。',
];

const SLOTS: Record<string, Slot> = {
  product,
  city,
  person,
  firm,
  amount,
  count,
  day,
  order,
  state: (next) => pickFrom(next, STATES),
  weekday: (next) => pickFrom(next, WEEKDAYS),
};

/** One chat message's text: one sentence, sometimes two; half the sentences skewed to the first templates. */
export function chatText(next: () => number): string {
  const sentences = next() < 0.25 ? 2 : 1;
  let text = '';
  for (let i = 0; i < sentences; i++) {
    text += (next() < 0.5 ? skewed(next, TEMPLATES) : pickFrom(next, TEMPLATES)).replace(
      /\{(\w+)\}/g,
      (_, slot: string) => SLOTS[slot](next),
    );
  }
  return text;
}
