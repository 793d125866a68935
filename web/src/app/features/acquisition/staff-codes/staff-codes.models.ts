/** 员工活码 as the api answers (lib/contracts/staff-codes.contract.ts). */
export type StaffCodeKind = 'single' | 'multi';
export type StaffCodeCreateKind = 'batch' | StaffCodeKind;

export interface StaffCode {
  id: string;
  kind: StaffCodeKind;
  members: Array<{ userid: string; name: string; left: boolean }>;
  departments: Array<{ id: number; name: string }>;
  userids: string[];
  departmentIds: number[];
  skipVerify: boolean;
  scene: string;
  tags: Array<{ id: string; name: string }>;
  welcomeText: string;
  status: 'normal' | 'abnormal';
  qrCode: string | null;
  sync: { status: 'pending' | 'synced' | 'failed'; errcode?: number; errmsg?: string };
  creatorName: string;
  createdAt: string;
}

export interface StaffCodePage {
  items: StaffCode[];
  total: number;
  page: number;
  pageSize: number;
}

export interface StaffCodeFilters {
  userid?: string;
  kind: 'all' | StaffCodeKind;
  status: 'all' | 'normal' | 'abnormal';
  keyword?: string;
}

export interface StaffCodeFields {
  userids: string[];
  departmentIds: number[];
  skipVerify: boolean;
  scene: string;
  tagIds: string[];
  welcomeText: string;
}

export interface StaffCodeTrend {
  days: Array<{ date: string; added: number; total: number }>;
}

export interface StaffCodeAdd {
  externalUserid: string;
  customerName: string;
  userid: string;
  addedAt: string;
  welcome: { status: 'pending' | 'sent' | 'failed' | 'skipped'; errcode?: number; errmsg?: string };
}

export interface StaffCodeAddPage {
  items: StaffCodeAdd[];
  total: number;
  page: number;
  pageSize: number;
}

export const SCENE_MAX = 30;
export const WELCOME_MAX = 100;
export const MEMBERS_MAX = 100;
