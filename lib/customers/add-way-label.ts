/** 外部联系人来源 (R-3.1.2-09): WeCom's add_way in words (API.md §5.3; the list is open-ended, B9). */
const ADD_WAY_LABELS: Record<number, string> = {
  0: '未知来源',
  1: '扫描二维码',
  2: '搜索手机号',
  3: '名片分享',
  4: '群聊',
  5: '手机通讯录',
  6: '微信联系人',
  7: '微信好友申请',
  8: '第三方应用自动添加的客服人员',
  9: '搜索邮箱',
  10: '视频号添加',
  11: '日程参与人',
  12: '会议参与者',
  13: '添加微信好友对应的企业微信',
  14: '智慧硬件专属客服添加',
  15: '上门服务客服添加',
  16: '获客链接添加',
  17: '定制开发',
  18: '需求回复',
  21: '第三方售前客服添加',
  22: '可能的商务伙伴',
  24: '通过微信好友申请添加',
  201: '内部成员共享',
  202: '管理员/负责人分配',
};

export function addWayLabel(addWay: number | null | undefined): string {
  return ADD_WAY_LABELS[addWay ?? 0] ?? `其他来源（${addWay}）`;
}
