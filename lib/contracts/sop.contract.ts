import { pageOf, paginationQuerySchema, z, calendarDay, objectIdString } from './common.contract';

/**
 * 客户运营 SOP (§8, R-8.*, I-112 … I-118): plans, their push tasks, the engine's staff to-dos (待办) and the
 * detail's analytics. One schema per payload, shared by the api's validation, the OpenAPI document and the
 * admin's and the H5's forms.
 */
export const SOP_NAME_MAX = 40;
/** The list shows at most this many characters of 计划名称 (R-8.2-02), with the rest in a tooltip. */
export const SOP_NAME_SHOWN_MAX = 15;
export const SOP_TASK_NAME_MAX = 30;
export const SOP_TEXT_MAX = 300;
export const SOP_CONTENTS_MAX = 5;
/** Not in the manual: a bound on a plan's timeline, so that the engine's schedule stays small (see sop-plan). */
export const SOP_TASKS_MAX = 20;
export const SOP_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const SOP_IMAGE_TYPES = ['image/jpeg', 'image/png'];
export const SOP_VIDEO_MAX_BYTES = 10 * 1024 * 1024;
export const SOP_VIDEO_TYPES = ['video/mp4'];
/** The dry run's calendar (beyond the peers): the reminders of the next 7 days. */
export const SOP_CALENDAR_DAYS = 7;

const characters = (text: string) => [...text].length;
const ids = (max: number, message: string) => z.array(z.string().trim().min(1)).max(max, message);
const limitedText = (label: string, max: number) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .refine((text) => characters(text) <= max, `${label}最多${max}个字`);
const httpUrl = (message: string) => z.url({ protocol: /^https?$/, error: message }).max(2048, message);

/** 执行范围 (R-8.1-02). */
export const SOP_SCOPE_KINDS = ['customers', 'groups'] as const;
export type SopScopeKind = (typeof SOP_SCOPE_KINDS)[number];
export const SOP_SCOPE_LABELS: Record<SopScopeKind, string> = { customers: '企微客户', groups: '企微客户群' };

const chinaDate = calendarDay('日期格式有误');

/**
 * 企微客户 (R-8.1-03, I-112): 按客户添加时间 (a range of China dates, both ends included) AND 按客户标签选择
 * (any-of); at least one of the two.
 */
export const sopCustomerScopeSchema = z
  .object({
    addedBetween: z
      .object({ from: chinaDate, to: chinaDate })
      .refine((range) => range.from <= range.to, '开始日期不能晚于结束日期')
      .nullable()
      .default(null),
    tagIds: ids(500, '标签过多').default([]),
  })
  .refine((scope) => scope.addedBetween !== null || scope.tagIds.length > 0, '请至少选择一个条件');
export type SopCustomerScope = z.infer<typeof sopCustomerScopeSchema>;

/** 企微客户群 (R-8.1-05, I-112): 群标签 any-of AND 群主 any-of AND 群名称 (fuzzy); at least one. */
export const sopGroupScopeSchema = z
  .object({
    groupTagIds: ids(500, '群标签过多').default([]),
    ownerUserids: ids(2000, '群主过多').default([]),
    nameKeyword: z.string().trim().max(50, '群名称最多50个字').default(''),
  })
  .refine(
    (scope) => scope.groupTagIds.length + scope.ownerUserids.length > 0 || scope.nameKeyword !== '',
    '请至少选择一个条件',
  );
export type SopGroupScope = z.infer<typeof sopGroupScopeSchema>;

export const sopScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customers'), customers: sopCustomerScopeSchema }),
  z.object({ kind: z.literal('groups'), groups: sopGroupScopeSchema }),
]);
export type SopScope = z.infer<typeof sopScopeSchema>;

/**
 * 设置发送时间 (R-8.1-08, I-113), counted from the moment the member entered the audience: X小时Y分钟 later
 * (0–23 h, 0–59 min; 0/0 is at once), or N天后 at HH:mm China time (0–365 days).
 */
export const sopTimingSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('after'),
    hours: z.number().int().min(0, '小时为0-23').max(23, '小时为0-23'),
    minutes: z.number().int().min(0, '分钟为0-59').max(59, '分钟为0-59'),
  }),
  z.object({
    mode: z.literal('days'),
    days: z.number().int().min(0, '天数为0-365').max(365, '天数为0-365'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '请选择时间'),
  }),
]);
export type SopTiming = z.infer<typeof sopTimingSchema>;

/** 设置发送形式 (R-8.1-09). */
export const SOP_CHANNELS = ['message', 'moments'] as const;
export type SopChannel = (typeof SOP_CHANNELS)[number];
export const SOP_CHANNEL_LABELS: Record<SopChannel, string> = { message: '企微消息', moments: '企微朋友圈' };
export const SOP_CHANNEL_TAGS: Record<SopChannel, string> = { message: '消息', moments: '朋友圈' };

/**
 * 设置发送内容 (R-8.1-10, I-113): 文本 ≤300, 图片 (jpg/png ≤2M), 视频 (mp4 ≤10M), 链接 (title + URL +
 * description + cover; pick one from 常用链接 or type it), 图文 and 海报 (an image with a title). Files are the
 * tenant's uploads (POST /api/sop/media), named by fileId.
 */
export const sopContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: limitedText('消息内容', SOP_TEXT_MAX) }),
  z.object({
    kind: z.literal('image'),
    fileId: objectIdString('请上传图片'),
    name: z.string().max(200).default(''),
  }),
  z.object({
    kind: z.literal('video'),
    fileId: objectIdString('请上传视频'),
    name: z.string().max(200).default(''),
  }),
  z.object({
    kind: z.literal('link'),
    title: limitedText('链接标题', 40),
    url: httpUrl('请输入正确的链接地址'),
    desc: z.string().trim().max(150, '链接描述最多150个字').default(''),
    picUrl: z.union([httpUrl('请输入正确的封面地址'), z.literal('')]).default(''),
  }),
  z.object({
    kind: z.literal('news'),
    title: limitedText('图文标题', 40),
    fileId: objectIdString('请上传图片'),
  }),
  z.object({
    kind: z.literal('poster'),
    title: limitedText('海报标题', 40),
    fileId: objectIdString('请上传图片'),
  }),
]);
export type SopContent = z.infer<typeof sopContentSchema>;
export const SOP_CONTENT_KINDS = ['text', 'image', 'video', 'link', 'news', 'poster'] as const;
export type SopContentKind = (typeof SOP_CONTENT_KINDS)[number];
export const SOP_CONTENT_LABELS: Record<SopContentKind, string> = {
  text: '文本',
  image: '图片',
  video: '视频',
  link: '链接',
  news: '图文',
  poster: '海报',
};

/**
 * 设置推送任务 (R-8.1-07 … 11). `id` names a saved task; a task sent without one is new. A task's id changes
 * whenever its timing, channel or contents change, so that the engine applies the changed task to current
 * members from now and drops the old one's unsent reminders (I-114/I-115).
 */
export const sopTaskInputSchema = z.object({
  id: z.string().trim().min(1).max(40).optional(),
  name: limitedText('任务名称', SOP_TASK_NAME_MAX),
  timing: sopTimingSchema,
  channel: z.enum(SOP_CHANNELS),
  contents: z
    .array(sopContentSchema)
    .min(1, '请设置发送内容')
    .max(SOP_CONTENTS_MAX, `最多添加${SOP_CONTENTS_MAX}条消息`),
});
export type SopTaskInput = z.infer<typeof sopTaskInputSchema>;

export const sopTaskSchema = sopTaskInputSchema.extend({ id: z.string() }).openapi('SopTask');
export type SopTask = z.infer<typeof sopTaskSchema>;

/** 新建 / 编辑 a plan (R-8.1; while it is on, only new tasks may be added: I-115). */
export const sopPlanInputSchema = z
  .object({
    name: limitedText('SOP计划名称', SOP_NAME_MAX),
    scope: sopScopeSchema,
    tasks: z
      .array(sopTaskInputSchema)
      .min(1, '请添加推送任务')
      .max(SOP_TASKS_MAX, `最多${SOP_TASKS_MAX}个推送任务`),
  })
  .openapi('SopPlanInput');
export type SopPlanInput = z.infer<typeof sopPlanInputSchema>;

/** Why an edit was refused while the plan is on (I-115), and why a delete was (R-8.2-05). */
export const SOP_ON_EDIT_REFUSED = '计划开启中，仅支持添加新的推送任务';
export const SOP_ON_DELETE_REFUSED = '请先关闭计划再删除';

const staffRefSchema = z.object({ userid: z.string(), name: z.string() });

export const sopPlanRowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopeKind: z.enum(SOP_SCOPE_KINDS),
    enabled: z.boolean(),
    creator: staffRefSchema,
    createdAt: z.string(),
    taskCount: z.number().int(),
  })
  .openapi('SopPlanRow');
export type SopPlanRow = z.infer<typeof sopPlanRowSchema>;
export const sopPlanPageSchema = pageOf(sopPlanRowSchema).openapi('SopPlanPage');

/** The list (R-8.2-01/02): 搜索关键词 (fuzzy on 计划名称), newest first. */
export const sopPlanListQuerySchema = paginationQuerySchema.extend({
  keyword: z.string().trim().max(SOP_NAME_MAX, '关键词过长').optional(),
});
export type SopPlanListQuery = z.infer<typeof sopPlanListQuerySchema>;

export const sopPlanParamsSchema = z.object({ planId: objectIdString('SOP计划不存在') });

/** 编辑 opens the plan as saved; `enabledAt` is 生效时间 (the last switch on), null while off. */
export const sopPlanSchema = sopPlanRowSchema
  .extend({ scope: sopScopeSchema, tasks: z.array(sopTaskSchema), enabledAt: z.string().nullable() })
  .openapi('SopPlan');
export type SopPlan = z.infer<typeof sopPlanSchema>;

/** The switch (R-8.2-03). */
export const sopSwitchSchema = z.object({ enabled: z.boolean() }).openapi('SopSwitch');

/** 实时计算 (R-8.1-04): 预计当前可触达人数 for a scope as it is being edited. */
export const sopReachInputSchema = z.object({ scope: sopScopeSchema }).openapi('SopReachInput');
export const sopReachSchema = z.object({ total: z.number().int() }).openapi('SopReach');

/**
 * The dry run (beyond the peers): the audience now, and the reminders the next 7 days would bring if the plan
 * were switched on now (for a plan that is on as well: its own schedule lives in its workflow), counted per
 * task, per staff member and per hour (China time, `YYYY-MM-DD HH:00`).
 */
export const sopCalendarSchema = z
  .object({
    audience: z.number().int(),
    slots: z.array(
      z.object({
        taskId: z.string(),
        hour: z.string(),
        staff: staffRefSchema,
        count: z.number().int(),
      }),
    ),
  })
  .openapi('SopCalendar');
export type SopCalendar = z.infer<typeof sopCalendarSchema>;
/**
 * The dry run of a plan being edited: its scope and its tasks' timings (a task not saved yet is named in the
 * slots by its position, "1", "2", …).
 */
export const sopCalendarInputSchema = z
  .object({
    scope: sopScopeSchema,
    tasks: z
      .array(z.object({ id: z.string().trim().min(1).max(40).optional(), timing: sopTimingSchema }))
      .max(SOP_TASKS_MAX, `最多${SOP_TASKS_MAX}个推送任务`),
  })
  .openapi('SopCalendarInput');
export type SopCalendarInput = z.infer<typeof sopCalendarInputSchema>;

/** SOP计划详情's header (R-8.2-06, I-116). */
export const sopPlanStatsSchema = z
  .object({
    taskCount: z.number().int(),
    /** 执行员工数: distinct staff who were assigned a task (of the selected node, or all). */
    staffCount: z.number().int(),
    /** 今日触达客户数: distinct customers (or groups) who became 已接收 today, China time. */
    reachedToday: z.number().int(),
    /** 总触达客户数. */
    reachedTotal: z.number().int(),
  })
  .openapi('SopPlanStats');
export type SopPlanStats = z.infer<typeof sopPlanStatsSchema>;
export const sopStatsQuerySchema = z.object({ taskId: z.string().trim().min(1).optional() });

/** 员工执行明细 (I-116): one row per to-do (a staff member's batch of one task in one minute, I-118). */
export const sopStaffRowSchema = z
  .object({
    instanceId: z.string(),
    staff: staffRefSchema,
    targetCount: z.number().int(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    /** 发送时间: when the reminder fired. */
    dueAt: z.string(),
  })
  .openapi('SopStaffRow');
export type SopStaffRow = z.infer<typeof sopStaffRowSchema>;
export const sopStaffPageSchema = pageOf(sopStaffRowSchema).openapi('SopStaffPage');

/** 客户接收明细 (R-8.2-09): 客户名 (or 群名), 接收状态, 发送员工, 发送时间. */
export const sopReceiptRowSchema = z
  .object({
    member: z.object({ id: z.string(), name: z.string() }),
    received: z.boolean(),
    staff: staffRefSchema,
    sentAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
  })
  .openapi('SopReceiptRow');
export type SopReceiptRow = z.infer<typeof sopReceiptRowSchema>;
export const sopReceiptPageSchema = pageOf(sopReceiptRowSchema).openapi('SopReceiptPage');

/** 数据明细's right side (R-8.2-08): one task node, 请选择检索员工 optional. */
export const sopDetailQuerySchema = paginationQuerySchema.extend({
  taskId: z.string({ error: '请选择任务节点' }).trim().min(1, '请选择任务节点'),
  staffUserid: z.string().trim().min(1).optional(),
});
export type SopDetailQuery = z.infer<typeof sopDetailQuerySchema>;

/** The H5 待办: tabs 未完成 / 已完成 (default 未完成). */
export const SOP_TODO_TABS = ['open', 'done'] as const;
export const sopTodoListQuerySchema = paginationQuerySchema.extend({
  tab: z.enum(SOP_TODO_TABS).default('open'),
});

export const sopTodoCardSchema = z
  .object({
    id: z.string(),
    taskName: z.string(),
    /** "管理员发布了新的任务“<任务名称>”，请及时去完成哟~" (R-8.3-02). */
    description: z.string(),
    dueAt: z.string(),
    done: z.boolean(),
  })
  .openapi('SopTodoCard');
export const sopTodoPageSchema = pageOf(sopTodoCardSchema).openapi('SopTodoPage');

/** A content as the H5 shows it: files resolved to URLs the member's browser can load. */
export const sopTodoContentSchema = z.object({
  kind: z.enum(SOP_CONTENT_KINDS),
  text: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  desc: z.string().optional(),
  picUrl: z.string().optional(),
  fileUrl: z.string().optional(),
});

/** Task detail (R-8.3-03/04/05): 目标客户 (or 目标群) paged; none for 朋友圈 (I-118). */
export const sopTodoDetailSchema = sopTodoCardSchema
  .extend({
    channel: z.enum(SOP_CHANNELS),
    scopeKind: z.enum(SOP_SCOPE_KINDS),
    contents: z.array(sopTodoContentSchema),
    targetCount: z.number().int(),
    doneAt: z.string().nullable(),
  })
  .openapi('SopTodoDetail');
export type SopTodoDetail = z.infer<typeof sopTodoDetailSchema>;

export const sopTodoTargetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    avatar: z.string(),
    /** 属性: 1 微信, 2 企业微信 (customers); null for groups. */
    type: z.number().int().nullable(),
    tags: z.array(z.string()),
  })
  .openapi('SopTodoTarget');
export const sopTodoTargetPageSchema = pageOf(sopTodoTargetSchema).openapi('SopTodoTargetPage');
/** An uploaded image or video (POST /api/sop/media): name it by fileId in a content; `url` previews it. */
export const sopMediaSchema = z
  .object({
    fileId: z.string(),
    name: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    url: z.string(),
  })
  .openapi('SopMedia');
export type SopMedia = z.infer<typeof sopMediaSchema>;
export const sopMediaParamsSchema = z.object({
  tenantId: z.string().min(1).max(100),
  fileId: z.string().regex(/^[0-9a-f]{24}$/, '文件不存在'),
});
export const sopTodoParamsSchema = z.object({ todoId: z.string().min(1).max(200) });
