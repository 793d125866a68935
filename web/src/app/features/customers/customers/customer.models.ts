/** Shapes of /api/customers (lib/contracts/customer.contract.ts). */
export interface StaffRef {
  userid: string;
  name: string;
}
export interface TagRef {
  id: string;
  name: string;
}

export interface CustomerRow {
  externalUserid: string;
  name: string;
  avatar: string;
  type: number;
  suffix: string;
  corpName: string;
  position: string;
  phone: string;
  owner: StaffRef | null;
  adders: StaffRef[];
  addedAt: string | null;
  lastContactAt: string | null;
  source: string;
  tags: TagRef[];
  remark: string;
}

export interface CustomerPage {
  items: CustomerRow[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** The 高级搜索 and the search box; empty values mean "no filter". */
export interface CustomerFilter {
  keyword: string;
  corpName: string;
  adderUserids: string[];
  ownerUserids: string[];
  addedRange: [Date, Date] | null;
  lastContactRange: [Date, Date] | null;
  source: string;
  tagIds: string[];
  tagMatch: 'any' | 'all';
}

export interface CustomerQuery extends CustomerFilter {
  page: number;
  pageSize: number;
}

export interface CustomerOptions {
  tagGroups: Array<{ groupId: string; name: string; tags: TagRef[] }>;
  staff: StaffRef[];
}

export interface TaggingJob {
  id: string;
  status: 'running' | 'completed';
  customers: number;
  relations: number;
  written: number;
  failures: Array<{ externalUserid: string; userid: string; errcode: number; errmsg: string }>;
}

export type EditableField = 'corpName' | 'position' | 'phone' | 'source';

export interface CustomerDetail {
  customer: CustomerRow & { gender: number; corpFullName: string; active: boolean };
  editable: EditableField[];
  relations: Array<{
    userid: string;
    name: string;
    remark: string;
    description: string;
    addedAt: string;
    addWay: number;
    tags: TagRef[];
    active: boolean;
  }>;
  addEvents: Array<{
    userid: string;
    name: string;
    at: string;
    source: string;
    remark: string;
    /** 添加渠道 (员工活码：活动场景) and the welcome's outcome, for adds through a code. */
    channel?: string;
    welcome?: string;
  }>;
  enterprise:
    | (Record<EnterpriseField, string> & {
        editable: EnterpriseField[];
        createdAt: string | null;
        creator: string;
        relatedCustomers: Array<{
          externalUserid: string;
          name: string;
          suffix: string;
          owner: StaffRef | null;
          tags: TagRef[];
        }>;
      })
    | null;
}

/** 企业信息 → 基本信息 (R-3.1.2-10), in the manual's order. */
export const ENTERPRISE_FIELDS = [
  { key: 'shortName', label: '企业简称' },
  { key: 'fullName', label: '企业全称' },
  { key: 'phone', label: '联系电话' },
  { key: 'website', label: '企业网址' },
  { key: 'address', label: '地址' },
  { key: 'industry', label: '行业类型' },
  { key: 'scale', label: '人员规模' },
  { key: 'region', label: '省市' },
  { key: 'level', label: '企业等级' },
] as const;
export type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number]['key'];
/** A WeChat customer's company is typed in whole (R-3.1.2-11). */
export const WECHAT_ENTERPRISE_FIELDS: readonly EnterpriseField[] = ENTERPRISE_FIELDS.map((f) => f.key);
export type CustomerEnterpriseEdit = Partial<Record<EnterpriseField, string>>;

export type CustomerEdit = Partial<Record<EditableField, string>>;

export const CUSTOMER_SOURCES = ['公众号', '线下门店', '官网', 'APP', '转介绍', '地推活动'] as const;
