import type {
  SopCalendar,
  SopContent,
  SopContentKind,
  SopPlan,
  SopPlanInput,
  SopPlanRow,
  SopPlanStats,
  SopReceiptRow,
  SopScope,
  SopScopeKind,
  SopStaffRow,
  SopTask,
  SopTaskInput,
  SopTiming,
} from '@contracts/sop.contract';

/** 客户运营 SOP (§8) as the api serves it (lib/contracts/sop.contract.ts). */
export type {
  SopCalendar,
  SopContent,
  SopContentKind,
  SopPlan,
  SopPlanInput,
  SopPlanRow,
  SopPlanStats,
  SopReceiptRow,
  SopScope,
  SopScopeKind,
  SopStaffRow,
  SopTask,
  SopTaskInput,
  SopTiming,
};
export type SopChannel = SopTask['channel'];

/** The manual's limits (R-8.1, I-113), as in the contract; the api checks them again. */
export const NAME_MAX = 40;
export const NAME_SHOWN_MAX = 15;
export const TASK_NAME_MAX = 30;
export const TEXT_MAX = 300;
export const CONTENTS_MAX = 5;
export const TASKS_MAX = 20;
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png'];
export const VIDEO_MAX_BYTES = 10 * 1024 * 1024;
export const VIDEO_TYPES = ['video/mp4'];
export const DELETE_REFUSED = '请先关闭计划再删除';

export const SCOPE_LABELS: Record<SopScopeKind, string> = { customers: '企微客户', groups: '企微客户群' };
export const CHANNEL_LABELS: Record<SopChannel, string> = { message: '企微消息', moments: '企微朋友圈' };
export const CHANNEL_TAGS: Record<SopChannel, string> = { message: '消息', moments: '朋友圈' };
export const CONTENT_LABELS: Record<SopContentKind, string> = {
  text: '文本',
  image: '图片',
  video: '视频',
  link: '链接',
  news: '图文',
  poster: '海报',
};

/** 计划名称 in the list: at most 15 characters (R-8.2-02), the rest in the tooltip. */
export function nameCell(name: string): string {
  const chars = [...name];
  return chars.length > NAME_SHOWN_MAX ? `${chars.slice(0, NAME_SHOWN_MAX).join('')}...` : name;
}

/** A task card's timing (R-8.1-06): "满足条件X小时X分后提醒发送" / "满足条件N天后HH:mm提醒发送". */
export function timingCardText(timing: SopTiming): string {
  return timing.mode === 'after'
    ? `满足条件${timing.hours}小时${timing.minutes}分后提醒发送`
    : `满足条件${timing.days}天后${timing.time}提醒发送`;
}

/** A task node's timing in SOP计划详情 (R-8.2-07): "X小时X分钟后" / "N天后HH:mm". */
export function timingNodeText(timing: SopTiming): string {
  return timing.mode === 'after'
    ? `${timing.hours}小时${timing.minutes}分钟后`
    : `${timing.days}天后${timing.time}`;
}

/** A task card's second line (R-8.1-06). */
export function taskSummary(task: Pick<SopTaskInput, 'name' | 'contents'>): string {
  return `消息：${task.name}（共${task.contents.length}条）`;
}

/** 新建 / 编辑 as the page holds it: both scopes' fields, so switching 执行范围 back keeps what was chosen. */
export interface SopPlanForm {
  name: string;
  scopeKind: SopScopeKind;
  byAddedAt: boolean;
  addedBetween: Date[];
  byTags: boolean;
  tagIds: string[];
  groupTagIds: string[];
  ownerUserids: string[];
  groupName: string;
  tasks: SopTaskInput[];
}

export function emptyPlanForm(): SopPlanForm {
  return {
    name: '',
    scopeKind: 'customers',
    byAddedAt: false,
    addedBetween: [],
    byTags: false,
    tagIds: [],
    groupTagIds: [],
    ownerUserids: [],
    groupName: '',
    tasks: [],
  };
}

/** A picked day as the China date the contract takes: the calendar day the person clicked. */
export function chinaDate(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

function dayOf(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day);
}

export function formOfPlan(plan: SopPlan): SopPlanForm {
  const form = { ...emptyPlanForm(), name: plan.name, scopeKind: plan.scope.kind, tasks: plan.tasks };
  if (plan.scope.kind === 'customers') {
    const { addedBetween, tagIds } = plan.scope.customers;
    return {
      ...form,
      byAddedAt: addedBetween !== null,
      addedBetween: addedBetween ? [dayOf(addedBetween.from), dayOf(addedBetween.to)] : [],
      byTags: tagIds.length > 0,
      tagIds: [...tagIds],
    };
  }
  const { groupTagIds, ownerUserids, nameKeyword } = plan.scope.groups;
  return { ...form, groupTagIds: [...groupTagIds], ownerUserids: [...ownerUserids], groupName: nameKeyword };
}

/** What is wrong with 执行范围 (I-112: at least one condition, each checked one filled in), or null. */
export function scopeProblem(form: SopPlanForm): string | null {
  if (form.scopeKind === 'groups') {
    return form.groupTagIds.length + form.ownerUserids.length === 0 && !form.groupName.trim()
      ? '请至少选择一个条件'
      : null;
  }
  if (!form.byAddedAt && !form.byTags) return '请至少选择一个条件';
  if (form.byAddedAt && form.addedBetween.length !== 2) return '请选择客户添加时间';
  if (form.byTags && form.tagIds.length === 0) return '请选择客户标签';
  return null;
}

/** 执行范围 as the contract takes it; only the checked conditions of the chosen kind. */
export function scopeOf(form: SopPlanForm): SopScope {
  if (form.scopeKind === 'groups') {
    return {
      kind: 'groups',
      groups: {
        groupTagIds: form.groupTagIds,
        ownerUserids: form.ownerUserids,
        nameKeyword: form.groupName.trim(),
      },
    };
  }
  const [from, to] = form.addedBetween;
  return {
    kind: 'customers',
    customers: {
      addedBetween: form.byAddedAt && from && to ? { from: chinaDate(from), to: chinaDate(to) } : null,
      tagIds: form.byTags ? form.tagIds : [],
    },
  };
}

/** What is wrong with the whole form before asking the api, or null. */
export function planProblem(form: SopPlanForm): string | null {
  const name = form.name.trim();
  if (!name) return '请输入SOP计划名称';
  if ([...name].length > NAME_MAX) return `SOP计划名称最多${NAME_MAX}个字`;
  const scope = scopeProblem(form);
  if (scope) return scope;
  if (form.tasks.length === 0) return '请添加推送任务';
  if (form.tasks.length > TASKS_MAX) return `最多${TASKS_MAX}个推送任务`;
  return null;
}

export function planInput(form: SopPlanForm): SopPlanInput {
  return { name: form.name.trim(), scope: scopeOf(form), tasks: form.tasks };
}

/**
 * I-115: while the plan is on, 计划名称, 执行范围 and the tasks it was saved with are read-only; tasks added
 * since (not saved yet) stay editable, and 添加推送任务 always works. Everything is editable while it is off.
 */
export function planLocked(plan: Pick<SopPlan, 'enabled'> | null): boolean {
  return plan?.enabled ?? false;
}

export function taskLocked(plan: Pick<SopPlan, 'enabled' | 'tasks'> | null, task: SopTaskInput): boolean {
  return planLocked(plan) && task.id !== undefined && plan!.tasks.some((saved) => saved.id === task.id);
}

/**
 * An edited task keeps its id only when just its name changed: a new timing, channel or contents is a new task
 * for the engine (it applies to current members from now and drops the old one's unsent reminders).
 */
export function editedTask(original: SopTaskInput, edited: Omit<SopTaskInput, 'id'>): SopTaskInput {
  const same =
    JSON.stringify([original.timing, original.channel, original.contents]) ===
    JSON.stringify([edited.timing, edited.channel, edited.contents]);
  return same && original.id !== undefined ? { ...edited, id: original.id } : { ...edited };
}

/** One message of 设置发送内容 as the dialog edits it: every kind's fields, so a template binds them plainly. */
export interface ContentDraft {
  kind: SopContentKind;
  text: string;
  fileId: string;
  /** The uploaded file's name (图片 / 视频). */
  name: string;
  title: string;
  url: string;
  desc: string;
  picUrl: string;
  /** Where the page shows an upload made in this dialog; a saved message names its file only. */
  previewUrl: string;
}

export function contentDraft(kind: SopContentKind, content?: SopContent): ContentDraft {
  const draft: ContentDraft = {
    kind,
    text: '',
    fileId: '',
    name: '',
    title: '',
    url: '',
    desc: '',
    picUrl: '',
    previewUrl: '',
  };
  return content ? { ...draft, ...content } : draft;
}

/** The message as the contract takes it: only its kind's fields. */
export function contentOf(draft: ContentDraft): SopContent {
  switch (draft.kind) {
    case 'text':
      return { kind: 'text', text: draft.text.trim() };
    case 'image':
    case 'video':
      return { kind: draft.kind, fileId: draft.fileId, name: draft.name };
    case 'link':
      return {
        kind: 'link',
        title: draft.title.trim(),
        url: draft.url.trim(),
        desc: draft.desc.trim(),
        picUrl: draft.picUrl.trim(),
      };
    case 'news':
    case 'poster':
      return { kind: draft.kind, title: draft.title.trim(), fileId: draft.fileId };
  }
}

/** 设置推送任务's dialog as it is being filled in. */
export interface SopTaskForm {
  name: string;
  timingMode: 'after' | 'days';
  hours: number;
  minutes: number;
  days: number;
  /** HH:mm, China time. */
  time: string;
  channel: SopChannel;
  contents: ContentDraft[];
}

export function taskForm(task: SopTaskInput | null): SopTaskForm {
  const form: SopTaskForm = {
    name: task?.name ?? '',
    timingMode: task?.timing.mode ?? 'after',
    hours: 0,
    minutes: 0,
    days: 1,
    time: '09:00',
    channel: task?.channel ?? 'message',
    contents: (task?.contents ?? []).map((content) => contentDraft(content.kind, content)),
  };
  if (task?.timing.mode === 'after')
    return { ...form, hours: task.timing.hours, minutes: task.timing.minutes };
  if (task?.timing.mode === 'days') return { ...form, days: task.timing.days, time: task.timing.time };
  return form;
}

const within = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;

/** What is wrong with the dialog (R-8.1-07 … 10, I-113), or null. */
export function taskProblem(form: SopTaskForm): string | null {
  const name = form.name.trim();
  if (!name) return '请设置任务名称';
  if ([...name].length > TASK_NAME_MAX) return `任务名称最多${TASK_NAME_MAX}个字`;
  if (form.timingMode === 'after') {
    if (!within(form.hours, 23)) return '小时为0-23';
    if (!within(form.minutes, 59)) return '分钟为0-59';
  } else {
    if (!within(form.days, 365)) return '天数为0-365';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time)) return '请选择时间';
  }
  if (form.contents.length === 0) return '请设置发送内容';
  if (form.contents.length > CONTENTS_MAX) return `最多添加${CONTENTS_MAX}条消息`;
  for (const [index, draft] of form.contents.entries()) {
    const problem = contentProblem(contentOf(draft));
    if (problem) return `消息${index + 1}：${problem}`;
  }
  return null;
}

export function contentProblem(content: SopContent): string | null {
  switch (content.kind) {
    case 'text':
      if (!content.text) return '请输入消息内容';
      return [...content.text].length > TEXT_MAX ? `消息内容最多${TEXT_MAX}个字` : null;
    case 'image':
      return content.fileId ? null : '请上传图片';
    case 'video':
      return content.fileId ? null : '请上传视频';
    case 'link':
      if (!content.title) return '请输入链接标题';
      return /^https?:\/\/\S+$/i.test(content.url) ? null : '请输入正确的链接地址';
    case 'news':
    case 'poster':
      if (!content.title) return `请输入${CONTENT_LABELS[content.kind]}标题`;
      return content.fileId ? null : '请上传图片';
  }
}

export function taskOfForm(form: SopTaskForm): Omit<SopTaskInput, 'id'> {
  return {
    name: form.name.trim(),
    timing:
      form.timingMode === 'after'
        ? { mode: 'after', hours: form.hours, minutes: form.minutes }
        : { mode: 'days', days: form.days, time: form.time },
    channel: form.channel,
    contents: form.contents.map(contentOf),
  };
}

/** Why a file cannot be a message of this kind (I-113: jpg/png ≤2M, mp4 ≤10M), or null. */
export function fileProblem(file: Pick<File, 'type' | 'size'>, kind: 'image' | 'video'): string | null {
  if (kind === 'video') {
    if (!VIDEO_TYPES.includes(file.type)) return '只能上传mp4格式视频';
    return file.size > VIDEO_MAX_BYTES ? '视频不能超过10M' : null;
  }
  if (!IMAGE_TYPES.includes(file.type)) return '只能上传jpg/png格式图片';
  return file.size > IMAGE_MAX_BYTES ? '图片不能超过2M' : null;
}

/** The dry run's calendar as three small tables: reminders per task, per staff member and per hour. */
/** One of 预览's tables: its title, its first column's head, and a row per task, staff member or hour. */
export interface CalendarBreakdown {
  title: string;
  column: string;
  rows: Array<{ key: string; label: string; count: number }>;
}

export interface CalendarSummary {
  /** 按任务, 按员工 (most reminded first), 按小时 (in time order). */
  breakdowns: CalendarBreakdown[];
  total: number;
}

export function calendarSummary(
  calendar: SopCalendar,
  tasks: ReadonlyArray<Pick<SopTaskInput, 'id' | 'name'>>,
): CalendarSummary {
  const byTask = new Map<string, number>();
  const byStaff = new Map<string, { name: string; count: number }>();
  const byHour = new Map<string, number>();
  for (const slot of calendar.slots) {
    byTask.set(slot.taskId, (byTask.get(slot.taskId) ?? 0) + slot.count);
    const staff = byStaff.get(slot.staff.userid) ?? { name: slot.staff.name || slot.staff.userid, count: 0 };
    byStaff.set(slot.staff.userid, { ...staff, count: staff.count + slot.count });
    byHour.set(slot.hour, (byHour.get(slot.hour) ?? 0) + slot.count);
  }
  // A task not saved yet has no id: the dry run names it by its place in the list, counted from 1.
  const names = new Map(tasks.map((task, index) => [task.id ?? String(index + 1), task.name]));
  return {
    breakdowns: [
      {
        title: '按任务',
        column: '任务',
        rows: [...byTask].map(([key, count]) => ({ key, label: names.get(key) ?? key, count })),
      },
      {
        title: '按员工',
        column: '员工',
        rows: [...byStaff]
          .map(([key, staff]) => ({ key, label: staff.name, count: staff.count }))
          .sort((a, b) => b.count - a.count),
      },
      {
        title: '按小时',
        column: '时间',
        rows: [...byHour]
          .map(([key, count]) => ({ key, label: key, count }))
          .sort((a, b) => a.key.localeCompare(b.key)),
      },
    ],
    total: calendar.slots.reduce((sum, slot) => sum + slot.count, 0),
  };
}
