import type {
  CustomerRow,
  EditableField,
  customerOptionsSchema,
  customerPageSchema,
  TaggingJobView,
} from '@contracts/customer.contract';
import type { z } from 'zod';

/** Shapes of /api/customers (lib/contracts/customer.contract.ts). */
export type { CustomerDetail, CustomerRow, EditableField } from '@contracts/customer.contract';
export type StaffRef = CustomerRow['adders'][number];
export type TagRef = CustomerRow['tags'][number];

export type CustomerPage = z.infer<typeof customerPageSchema>;

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

export type CustomerOptions = z.infer<typeof customerOptionsSchema>;

export type TaggingJob = TaggingJobView;

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
