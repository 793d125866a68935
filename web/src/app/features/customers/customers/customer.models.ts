import { LastSync } from '../../system/org/org.models';

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

export interface ColumnOption {
  key: string;
  label: string;
}

export interface CustomerColumns {
  columns: string[];
  available: ColumnOption[];
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
  enterprise: {
    shortName: string;
    fullName: string;
    createdAt: string | null;
    relatedCustomers: Array<{
      externalUserid: string;
      name: string;
      suffix: string;
      owner: StaffRef | null;
      tags: TagRef[];
    }>;
  } | null;
}

export type CustomerEdit = Partial<Record<EditableField, string>>;

/** The customer sync's status (GET /api/customers/sync), shaped like the org sync's. */
export interface CustomerSyncState {
  lastSync: LastSync | null;
  manualSyncsToday: number;
  nextManualSyncAt: string | null;
}

export const CUSTOMER_SOURCES = ['公众号', '线下门店', '官网', 'APP', '转介绍', '地推活动'] as const;
