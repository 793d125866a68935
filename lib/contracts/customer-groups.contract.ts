import { pageOf, paginationQuerySchema, z, calendarDay } from './common.contract';
import { listColumnsSchema, listColumnsViewSchema, type ColumnCatalogue } from './list-columns.contract';
import { TAG_COLORS } from './tags.contract';

/** 客户群: the list with its filters, 打标签 with 群标签, and the 群画像. */

/** `?ownerUserid=a&ownerUserid=b` and `?ownerUserid=a,b` both mean "any of these". */
const idList = (what: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(z.string().min(1).max(64), { error: `${what}有误` }).max(200, `${what}最多选择200个`),
  );

const day = (label: string) => calendarDay(`${label}格式应为YYYY-MM-DD`);

export const customerGroupListQuerySchema = paginationQuerySchema
  .extend({
    /** 客户群名称, fuzzy (R-3.2.1-04). */
    keyword: z.string().trim().max(64, '客户群名称最多64个字符').optional(),
    ownerUserid: idList('群主').optional(),
    groupTagId: idList('群标签').optional(),
    /** 最近沟通时间 range, days in China time, both ends included. */
    lastMessageFrom: day('开始日期').optional(),
    lastMessageTo: day('结束日期').optional(),
    /** 创建时间 range (展开, I-56). */
    createdFrom: day('开始日期').optional(),
    createdTo: day('结束日期').optional(),
  })
  .openapi('CustomerGroupListQuery');

const tagSchema = z.object({ id: z.string(), name: z.string(), color: z.enum(TAG_COLORS) });
const staffRefSchema = z.object({ userid: z.string(), name: z.string() });

export const customerGroupRowSchema = z
  .object({
    chatId: z.string(),
    /** Empty for an unnamed group: the admin shows 未命名群聊 (R-3.2.1-08). */
    name: z.string(),
    memberCount: z.number().int(),
    /** null until the chat archive has a message of this group (R-3.2.1-11: shown as "-"). */
    lastMessageAt: z.string().nullable(),
    createdAt: z.string().nullable(),
    groupTags: z.array(tagSchema),
    owner: staffRefSchema,
  })
  .openapi('CustomerGroupRow');

export const customerGroupPageSchema = pageOf(customerGroupRowSchema).openapi('CustomerGroupPage');

/** The list's columns (R-3.2.1-07), in the manual's order, all shown until the user chooses; 操作 always is. */
export const GROUP_COLUMNS = [
  { key: 'name', label: '客户群名称' },
  { key: 'memberCount', label: '群聊人数' },
  { key: 'lastMessageAt', label: '最近沟通时间' },
  { key: 'createdAt', label: '创建时间' },
  { key: 'groupTags', label: '群标签' },
  { key: 'owner', label: '群主' },
] as const;
export type GroupColumnKey = (typeof GROUP_COLUMNS)[number]['key'];
export const GROUP_COLUMN_CATALOGUE: ColumnCatalogue<GroupColumnKey> = {
  columns: GROUP_COLUMNS,
  defaults: GROUP_COLUMNS.map((column) => column.key),
};
export const groupColumnsSchema = listColumnsSchema(GROUP_COLUMN_CATALOGUE).openapi('CustomerGroupColumns');
export const groupColumnsViewSchema =
  listColumnsViewSchema(GROUP_COLUMN_CATALOGUE).openapi('CustomerGroupColumnsView');

export const bulkGroupTagRequestSchema = z
  .object({
    chatIds: z
      .array(z.string().min(1).max(128), { error: '请选择客户群' })
      .min(1, '请选择客户群')
      .max(200, '一次最多选择200个客户群'),
    tagIds: z
      .array(z.string().min(1).max(64), { error: '请选择标签' })
      .min(1, '请选择标签')
      .max(50, '一次最多选择50个标签'),
  })
  .openapi('BulkGroupTagRequest');

export const bulkGroupTagResultSchema = z.object({ updated: z.number().int() }).openapi('BulkGroupTagResult');

export const groupTagsRequestSchema = z
  .object({ tagIds: z.array(z.string().min(1).max(64), { error: '请选择标签' }).max(50, '最多选择50个标签') })
  .openapi('GroupTagsRequest');

export const chatParamsSchema = z.object({ chatId: z.string().min(1).max(128) });

export const customerGroupPortraitSchema = z
  .object({
    chatId: z.string(),
    name: z.string(),
    notice: z.string(),
    owner: staffRefSchema,
    createdAt: z.string().nullable(),
    groupTags: z.array(tagSchema),
    /** 成员数: corp members and external contacts. */
    memberCount: z.number().int(),
    /** 群成员数（外部）. */
    externalCount: z.number().int(),
    /** 存档成员数（外部）(I-58): null until the chat archive knows who agreed to archiving. */
    archivedExternalCount: z.number().int().nullable(),
    /** 可添加客户 (I-59): external members no staff member has as a customer. */
    addableCount: z.number().int(),
    internalMembers: z.array(z.object({ userid: z.string(), name: z.string(), avatar: z.string() })),
    externalMembers: z.array(
      z.object({
        userid: z.string(),
        name: z.string(),
        corpName: z.string(),
        tags: z.array(tagSchema),
        /** 1 invited directly, 2 via an invite link, 3 scanned the group QR code (R-3.2.2-09). */
        joinScene: z.number().int().nullable(),
        joinedAt: z.string().nullable(),
        followers: z.array(staffRefSchema),
      }),
    ),
    joinScenes: z.array(z.object({ scene: z.number().int(), count: z.number().int() })),
    /** 客户标签 word cloud (R-3.2.2-06): each corp tag of the external members, by how many carry it. */
    tagCloud: z.array(
      z.object({ id: z.string(), name: z.string(), color: z.enum(TAG_COLORS), count: z.number().int() }),
    ),
  })
  .openapi('CustomerGroupPortrait');

export const messageTrendQuerySchema = z.object({
  days: z.coerce
    .number()
    .refine((value) => value === 7 || value === 30, '仅支持近7天或近30天')
    .default(7),
});

export const messageTrendSchema = z
  .object({
    /** False while there is no chat archive to count from: every day is then 0. */
    archived: z.boolean(),
    days: z.array(z.object({ date: z.string(), staff: z.number().int(), customers: z.number().int() })),
  })
  .openapi('GroupMessageTrend');

export type CustomerGroupListQuery = z.infer<typeof customerGroupListQuerySchema>;
export type CustomerGroupRow = z.infer<typeof customerGroupRowSchema>;
export type CustomerGroupPortrait = z.infer<typeof customerGroupPortraitSchema>;
export type MessageTrend = z.infer<typeof messageTrendSchema>;
