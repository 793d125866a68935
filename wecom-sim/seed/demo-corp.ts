/**
 * The demo corp 沃丰时代, the same on every start (SIM_SEED=demo): fixed corpId, secrets and agentId, 13
 * departments five levels deep, 30 staff, and
 * the customer side of seed/demo-customers.ts (3,000 customers, 100 groups, corp tags). The product's demo seed imports the constants below, and its demo
 * admin signs in with DEMO_ADMIN_MOBILE. Data only — importing this file loads nothing else of the simulator.
 */
import type { CorpSeed, MemberSeed } from '../state/sim-state';
import { demoCustomerSeed } from './demo-customers';

export const DEMO_CORP_ID = 'wwfe0119a8acd133af';
export const DEMO_CORP_NAME = '沃丰时代';
/** 通讯录同步 secret: the only one allowed to write contacts. */
export const DEMO_CONTACTS_SECRET = 'bWQXdh43GQYwwRjCb2oFZ7R-5jLWGtef0YFS3QXQ71Y';
/** 客户联系 secret (the app allowed to call the external-contact APIs). */
export const DEMO_EXTERNAL_CONTACT_SECRET = '6npLzFjwQaYuwYGbarFvOYjDwezWipSjqTrw84Y5hu4';
/** The self-built app's secret; DEMO_APP_AGENT_ID is its agentid. */
export const DEMO_APP_SECRET = 'idaZNvSjefivlIlF6Xhj7oq6CG8muvoy3DQ0q4zlMw8';
export const DEMO_APP_AGENT_ID = 1000002;
/** 会话内容存档 secret. */
export const DEMO_ARCHIVE_SECRET = 'h91L8IJqcx4VkO8MoQ7Y9yYArMLI6SyosD6n58B9X1g';
export const DEMO_ADMIN_USERID = 'admin';
export const DEMO_ADMIN_MOBILE = '13800138000';

const EMAIL_DOMAIN = 'wofeng.example.com';

/** Root (id 1) is the corp itself; 销售部 → 华东区 → 上海分部 → 一组 is the deepest branch (5 levels). */
const departments: CorpSeed['departments'] = [
  { id: 2, name: '销售部', name_en: 'Sales', parentid: 1, order: 5000 },
  { id: 3, name: '华东区', parentid: 2, order: 2000 },
  { id: 4, name: '上海分部', parentid: 3, order: 2000 },
  { id: 5, name: '一组', parentid: 4, order: 2000 },
  { id: 6, name: '二组', parentid: 4, order: 1000 },
  { id: 7, name: '杭州分部', parentid: 3, order: 1000 },
  { id: 8, name: '华南区', parentid: 2, order: 1000 },
  { id: 9, name: '深圳分部', parentid: 8, order: 1000 },
  { id: 10, name: '市场部', name_en: 'Marketing', parentid: 1, order: 4000 },
  { id: 11, name: '客户成功部', name_en: 'Customer Success', parentid: 1, order: 3000 },
  { id: 12, name: '研发中心', name_en: 'R&D', parentid: 1, order: 2000 },
  { id: 13, name: '人力行政部', parentid: 1, order: 1000 },
];

interface StaffRow {
  userid: string;
  name: string;
  gender: '1' | '2';
  position: string;
  mobile: string;
  department: number[];
  /** Same length as department; defaults to not leading anywhere. */
  leads?: number[];
  directLeader?: string;
  status?: 1 | 2 | 4;
}

/** Leaders come before the people who report to them (direct_leader must name an existing member). */
// prettier-ignore
const staff: StaffRow[] = [
  { userid: 'admin', name: '管理员', gender: '1', position: '系统管理员', mobile: DEMO_ADMIN_MOBILE, department: [1] },
  { userid: 'wangjianguo', name: '王建国', gender: '1', position: '总经理', mobile: '13901286634', department: [1], leads: [1] },
  { userid: 'zhangwei', name: '张伟', gender: '1', position: '销售总监', mobile: '13817652290', department: [2], leads: [1], directLeader: 'wangjianguo' },
  { userid: 'lina', name: '李娜', gender: '2', position: '华东区经理', mobile: '15821937746', department: [3, 4], leads: [1, 1], directLeader: 'zhangwei' },
  { userid: 'liuyang', name: '刘洋', gender: '1', position: '一组组长', mobile: '18621045583', department: [5], leads: [1], directLeader: 'lina' },
  { userid: 'chenjing', name: '陈静', gender: '2', position: '销售代表', mobile: '13524678810', department: [5], directLeader: 'liuyang' },
  { userid: 'yanglei', name: '杨磊', gender: '1', position: '销售代表', mobile: '17702159927', department: [5], directLeader: 'liuyang' },
  { userid: 'zhaomin', name: '赵敏', gender: '2', position: '二组组长', mobile: '15001873364', department: [6], leads: [1], directLeader: 'lina' },
  { userid: 'huangtao', name: '黄涛', gender: '1', position: '销售代表', mobile: '18817326651', department: [6], directLeader: 'zhaomin' },
  { userid: 'zhouting', name: '周婷', gender: '2', position: '销售代表', mobile: '13761029948', department: [6], directLeader: 'zhaomin', status: 4 },
  { userid: 'pengfei', name: '彭飞', gender: '1', position: '大客户经理', mobile: '15216687703', department: [4], directLeader: 'lina' },
  { userid: 'wuhao', name: '吴昊', gender: '1', position: '杭州分部经理', mobile: '13706813325', department: [7], leads: [1], directLeader: 'lina' },
  { userid: 'xujing', name: '徐静', gender: '2', position: '销售代表', mobile: '15968127740', department: [7], directLeader: 'wuhao' },
  { userid: 'sunpeng', name: '孙鹏', gender: '1', position: '华南区经理', mobile: '13928465517', department: [8, 9], leads: [1, 1], directLeader: 'zhangwei' },
  { userid: 'hulin', name: '胡琳', gender: '2', position: '销售代表', mobile: '18926753308', department: [9], directLeader: 'sunpeng' },
  { userid: 'zhuming', name: '朱明', gender: '1', position: '销售代表', mobile: '13632871196', department: [9], directLeader: 'sunpeng' },
  { userid: 'gaoyan', name: '高燕', gender: '2', position: '市场总监', mobile: '13916520473', department: [10], leads: [1], directLeader: 'wangjianguo' },
  { userid: 'linfeng', name: '林峰', gender: '1', position: '销售赋能专员', mobile: '18516239904', department: [10, 2], directLeader: 'gaoyan' },
  { userid: 'heli', name: '何丽', gender: '2', position: '品牌经理', mobile: '13795314468', department: [10], directLeader: 'gaoyan' },
  { userid: 'guoqiang', name: '郭强', gender: '1', position: '客户成功总监', mobile: '13601975582', department: [11], leads: [1], directLeader: 'wangjianguo' },
  { userid: 'majing', name: '马婧', gender: '2', position: '客户成功经理', mobile: '15900462217', department: [11, 4], directLeader: 'guoqiang' },
  { userid: 'luoxiaoyu', name: '罗晓宇', gender: '1', position: '客户成功经理', mobile: '18049617735', department: [11], directLeader: 'guoqiang' },
  { userid: 'liangchen', name: '梁晨', gender: '1', position: '研发总监', mobile: '13818274409', department: [12], leads: [1], directLeader: 'wangjianguo' },
  { userid: 'caoyang', name: '曹阳', gender: '1', position: '产品经理', mobile: '15618930276', department: [12, 11], directLeader: 'liangchen' },
  { userid: 'songjia', name: '宋佳', gender: '2', position: '前端工程师', mobile: '17621408853', department: [12], directLeader: 'liangchen' },
  { userid: 'zhenghao', name: '郑浩', gender: '1', position: '后端工程师', mobile: '13564182290', department: [12], directLeader: 'liangchen' },
  { userid: 'xieyun', name: '谢云', gender: '2', position: '测试工程师', mobile: '18721655914', department: [12], directLeader: 'liangchen' },
  { userid: 'hanxue', name: '韩雪', gender: '2', position: 'HRBP', mobile: '13671843326', department: [13], leads: [1], directLeader: 'wangjianguo' },
  { userid: 'dengjie', name: '邓洁', gender: '2', position: '招聘专员', mobile: '15221794480', department: [13], directLeader: 'hanxue' },
  { userid: 'fengyu', name: '冯宇', gender: '1', position: '行政专员', mobile: '13482057719', department: [13], directLeader: 'hanxue', status: 2 },
];

function toMemberSeed(row: StaffRow): MemberSeed {
  return {
    userid: row.userid,
    name: row.name,
    gender: row.gender,
    position: row.position,
    mobile: row.mobile,
    email: `${row.userid}@${EMAIL_DOMAIN}`,
    department: row.department,
    is_leader_in_dept: row.leads ?? row.department.map(() => 0),
    direct_leader: row.directLeader ? [row.directLeader] : [],
    ...(row.status ? { status: row.status } : {}),
  };
}

export const demoCorpSeed: CorpSeed = {
  identity: {
    corpId: DEMO_CORP_ID,
    name: DEMO_CORP_NAME,
    secrets: {
      contacts: DEMO_CONTACTS_SECRET,
      externalContact: DEMO_EXTERNAL_CONTACT_SECRET,
      app: DEMO_APP_SECRET,
      archive: DEMO_ARCHIVE_SECRET,
    },
    appAgentId: DEMO_APP_AGENT_ID,
  },
  departments,
  members: staff.map(toMemberSeed),
  customers: demoCustomerSeed,
  // `npm start` serves the admin on 127.0.0.1, where web login (扫码登录) sends the browser back.
  app: { name: '微丰SCRM', redirectDomain: '127.0.0.1' },
  // 沃丰时代 bound its WeChat open-platform account: its WeChat customers come with a unionid.
  wechatDeveloperBound: true,
};
