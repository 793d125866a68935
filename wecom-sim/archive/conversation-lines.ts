/**
 * What people say in generated conversations, by who says it: a salesperson to customers (in single chats and
 * in the customer groups they run), a customer to the salesperson, colleagues among themselves. A few lines are
 * the kind a compliance reviewer looks for (private payments, kickbacks, complaints); they are kept apart so the
 * generator can make them rare, as they are in real chats.
 */

export type Speaker = 'staff' | 'customer' | 'colleague';

const STAFF_LINES = [
  '您好，我是您的专属顾问，有什么可以帮您的吗？',
  '有的，本周下单可以享受九折优惠。',
  '合同我已经发到您的邮箱了，请查收。',
  '今天下午三点前下单，当天就能发货。',
  '收到，我这边马上安排。',
  '周四下午方便视频沟通一下方案吗？',
  '会议链接我发您了，周四下午见。',
  '已经处理好了，感谢您的耐心等待！',
  '批量采购可以申请专属折扣，我帮您问一下经理。',
  '好的，请问需要开增值税专用发票吗？',
  '可以的，我们的技术同事会和您详细对接需求。',
  '大家好，本周六有新品发布会，欢迎参加！',
  '在小程序里点“我的积分”就可以兑换礼品。',
  '我把产品手册发到群里了，大家可以看看。',
  '老客户续约赠送三个月服务期。',
  '报价单已经更新，我再发您一份。',
  '物流单号我查到了，稍后发给您。',
  '辛苦了，祝您工作顺利！',
];

const CUSTOMER_LINES = [
  '请问这款产品现在有优惠活动吗？',
  '好的，我考虑一下，明天给您答复。',
  '发货时间大概是什么时候？',
  '价格方面还能再商量吗？',
  '麻烦把报价单再发我一份，谢谢。',
  '可以，周四下午我有空。',
  '上次的售后问题处理好了吗？',
  '我们公司需要采购一批设备，数量大概两百台。',
  '发票抬头写我们公司全称就可以。',
  '这个功能能不能定制？',
  '请问会员积分怎么兑换？',
  '明白了，谢谢您的解答。',
  '物流单号是多少？我查一下。',
  '下个月续约的话还有额外赠送吗？',
  '好的，那我们就按这个方案执行吧。',
];

const COLLEAGUE_LINES = [
  '这个客户的报价我已经发了，麻烦经理审批一下。',
  '明天上午十点部门例会，大家准时参加。',
  '星河科技的合同下周一签，我来跟进。',
  '售后工单已经转给技术同事了。',
  '本月目标还差一点，大家加油！',
  '新品发布会的物料已经准备好了。',
  '收到，我这边马上安排。',
];

/** Lines that break the rules or signal trouble; the demo's sensitive-word rules are written to catch them. */
const RISKY_LINES: Record<Exclude<Speaker, 'colleague'>, readonly string[]> = {
  staff: ['这单您私下转账给我就行，不用走公司账户。', '下单后我个人再给您返现两百块。'],
  customer: ['再不发货我就要投诉你们了！', '东西有质量问题，我要退款。'],
};

const LINES: Record<Speaker, readonly string[]> = {
  staff: STAFF_LINES,
  customer: CUSTOMER_LINES,
  colleague: COLLEAGUE_LINES,
};

/** A line `speaker` could say; `risky` asks for one of the lines a reviewer would flag (none among colleagues). */
export function lineFor(speaker: Speaker, pickOne: <T>(items: readonly T[]) => T, risky = false): string {
  return pickOne(risky && speaker !== 'colleague' ? RISKY_LINES[speaker] : LINES[speaker]);
}

/** Every line `speaker` may say, risky ones included. */
export function linesOf(speaker: Speaker): readonly string[] {
  return speaker === 'colleague' ? LINES.colleague : [...LINES[speaker], ...RISKY_LINES[speaker]];
}
