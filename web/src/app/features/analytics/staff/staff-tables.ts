import type { AnalyticsTableSpec } from '../shared/analytics-table-block';
import { countColumn } from '../shared/analytics-table';
import {
  DEFINITIONS,
  formatMeanDuration,
  formatRatio,
  StaffContactRow,
  StaffGroupRow,
} from '../shared/analytics.models';

/**
 * 客户沟通 (R-6.2-02/03): one row per member, sorted and paged on the server, with 导出; the manual's columns
 * plus 聊天总数, every numeric one sortable (I-91).
 */
export const STAFF_CONTACTS: AnalyticsTableSpec<StaffContactRow> = {
  title: '客户沟通',
  testId: 'staff-contacts',
  columns: [
    { title: '成员', cell: (row) => row.name },
    countColumn('newApply', '客户申请数'),
    countColumn('newContact', '新增客户数'),
    countColumn('chatCnt', '聊天总数'),
    countColumn('messageCnt', '发送消息数'),
    {
      title: '已回复聊天占比',
      sortKey: 'replyRatio',
      definition: DEFINITIONS.reply,
      cell: (row) => formatRatio(row.reply),
    },
    {
      title: '平均首次回复时长',
      sortKey: 'firstReply',
      definition: DEFINITIONS.firstReply,
      cell: (row) => formatMeanDuration(row.firstReply),
    },
    {
      title: '删除/拉黑成员的客户数',
      sortKey: 'deletedByCustomer',
      definition: DEFINITIONS.blacklisted,
      cell: (row) => row.deletedByCustomer,
    },
  ],
  rowKey: (row) => row.userid,
  fetch: (api, query) => api.staffContacts(query),
  exportPath: '/api/analytics/staff/contacts/export',
  exportPermission: 'analytics.staff.export',
};

/** 客户群沟通 (R-6.2-04/05): one row per 群主, sorted (every column numeric) and paged on the server, with 导出. */
export const STAFF_GROUPS: AnalyticsTableSpec<StaffGroupRow> = {
  title: '客户群沟通',
  testId: 'staff-groups',
  columns: [
    { title: '群主', cell: (row) => row.name },
    countColumn('chatTotal', '群总数'),
    countColumn('newChat', '新增群聊数'),
    countColumn('chatHasMsg', '有消息群聊数'),
    countColumn('memberTotal', '群成员总数'),
    countColumn('newMember', '新增群成员数'),
    countColumn('memberHasMsg', '发过消息的群成员数'),
    countColumn('msgTotal', '群聊消息总数'),
  ],
  rowKey: (row) => row.userid,
  fetch: (api, query) => api.staffGroups(query),
  exportPath: '/api/analytics/staff/groups/export',
  exportPermission: 'analytics.staff.export',
};
