import { TagColor } from '../../system/tags/tags.models';

/** 客户群 as the api serves it (lib/contracts/customer-groups.contract.ts). */
export interface GroupTagRef {
  id: string;
  name: string;
  color: TagColor;
}

export interface StaffRef {
  userid: string;
  name: string;
}

export interface CustomerGroupRow {
  chatId: string;
  name: string;
  memberCount: number;
  lastMessageAt: string | null;
  createdAt: string | null;
  groupTags: GroupTagRef[];
  owner: StaffRef;
}

export interface CustomerGroupPage {
  items: CustomerGroupRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CustomerGroupFilters {
  keyword?: string;
  ownerUserid?: string[];
  groupTagId?: string[];
  lastMessageFrom?: string;
  lastMessageTo?: string;
  createdFrom?: string;
  createdTo?: string;
}

export interface ExternalMember {
  userid: string;
  name: string;
  corpName: string;
  tags: GroupTagRef[];
  joinScene: number | null;
  joinedAt: string | null;
  followers: StaffRef[];
}

export interface CustomerGroupPortrait {
  chatId: string;
  name: string;
  notice: string;
  owner: StaffRef;
  createdAt: string | null;
  groupTags: GroupTagRef[];
  memberCount: number;
  externalCount: number;
  archivedExternalCount: number | null;
  addableCount: number;
  internalMembers: Array<{ userid: string; name: string; avatar: string }>;
  externalMembers: ExternalMember[];
  joinScenes: Array<{ scene: number; count: number }>;
  tagCloud: Array<GroupTagRef & { count: number }>;
}

export interface MessageTrend {
  archived: boolean;
  days: Array<{ date: string; staff: number; customers: number }>;
}

/** An unnamed group (R-3.2.1-08). */
export const UNNAMED_GROUP = '未命名群聊';

/** 入群方式 (R-3.2.2-09). */
export const JOIN_SCENES: Record<number, string> = {
  1: '由成员邀请入群（直接邀请入群）',
  2: '由成员邀请入群（通过邀请链接入群）',
  3: '通过扫描群二维码入群',
};
