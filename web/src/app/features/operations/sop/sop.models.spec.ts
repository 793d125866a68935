import { describe, expect, it } from 'vitest';

import {
  calendarSummary,
  contentDraft,
  editedTask,
  emptyPlanForm,
  fileProblem,
  formOfPlan,
  nameCell,
  planInput,
  planProblem,
  SopPlan,
  SopTaskInput,
  taskForm,
  taskLocked,
  taskOfForm,
  taskProblem,
  timingCardText,
  timingNodeText,
} from './sop.models';

const task = (id: string | undefined, name = '首次问候'): SopTaskInput => ({
  ...(id ? { id } : {}),
  name,
  timing: { mode: 'after', hours: 1, minutes: 30 },
  channel: 'message',
  contents: [{ kind: 'text', text: '你好' }],
});

const plan = (enabled: boolean): SopPlan => ({
  id: 'p1',
  name: '新客培育',
  scopeKind: 'customers',
  enabled,
  creator: { userid: 'zhangsan', name: '张三' },
  createdAt: '2026-12-01T02:00:00Z',
  taskCount: 1,
  scope: {
    kind: 'customers',
    customers: { addedBetween: { from: '2026-11-01', to: '2026-11-30' }, tagIds: [] },
  },
  tasks: [{ ...task('t1'), id: 't1' }],
  enabledAt: '2026-12-01T02:00:00Z',
});

describe('SOP timing texts', () => {
  it("says a card's timing as the manual does (R-8.1-06)", () => {
    expect(timingCardText({ mode: 'after', hours: 2, minutes: 5 })).toBe('满足条件2小时5分后提醒发送');
    expect(timingCardText({ mode: 'days', days: 3, time: '09:30' })).toBe('满足条件3天后09:30提醒发送');
  });

  it("says a task node's 发送时间 in SOP计划详情 (R-8.2-07)", () => {
    expect(timingNodeText({ mode: 'after', hours: 0, minutes: 0 })).toBe('0小时0分钟后');
    expect(timingNodeText({ mode: 'days', days: 1, time: '20:00' })).toBe('1天后20:00');
  });

  it('shows at most 15 characters of 计划名称 (R-8.2-02)', () => {
    expect(nameCell('新客培育')).toBe('新客培育');
    expect(nameCell('一'.repeat(16))).toBe(`${'一'.repeat(15)}...`);
  });
});

describe('the SOP form → SopPlanInput', () => {
  it('sends only the checked 企微客户 conditions, as China dates', () => {
    const form = {
      ...emptyPlanForm(),
      name: ' 新客培育 ',
      byAddedAt: true,
      addedBetween: [new Date(2026, 10, 1, 15), new Date(2026, 10, 30, 8)],
      byTags: false,
      tagIds: ['tag-a'],
      tasks: [task(undefined)],
    };
    expect(planProblem(form)).toBeNull();
    expect(planInput(form)).toEqual({
      name: '新客培育',
      scope: {
        kind: 'customers',
        customers: { addedBetween: { from: '2026-11-01', to: '2026-11-30' }, tagIds: [] },
      },
      tasks: [task(undefined)],
    });
  });

  it('sends 企微客户群 conditions with the trimmed 群名称', () => {
    const form = {
      ...emptyPlanForm(),
      name: '群运营',
      scopeKind: 'groups' as const,
      groupName: ' VIP ',
      tasks: [task(undefined)],
    };
    expect(planInput(form).scope).toEqual({
      kind: 'groups',
      groups: { groupTagIds: [], ownerUserids: [], nameKeyword: 'VIP' },
    });
  });

  it('asks for a condition, a filled-in checked condition and a task (I-112)', () => {
    const base = { ...emptyPlanForm(), name: '计划', tasks: [task(undefined)] };
    expect(planProblem({ ...base, name: ' ' })).toBe('请输入SOP计划名称');
    expect(planProblem(base)).toBe('请至少选择一个条件');
    expect(planProblem({ ...base, byTags: true })).toBe('请选择客户标签');
    expect(planProblem({ ...base, byAddedAt: true })).toBe('请选择客户添加时间');
    expect(planProblem({ ...base, byTags: true, tagIds: ['t'], tasks: [] })).toBe('请添加推送任务');
    expect(planProblem({ ...base, scopeKind: 'groups', ownerUserids: ['lisi'] })).toBeNull();
  });

  it('opens a saved plan as it was saved', () => {
    const form = formOfPlan(plan(false));
    expect(form.byAddedAt).toBe(true);
    expect(form.byTags).toBe(false);
    expect(planInput(form).scope).toEqual(plan(false).scope);
    expect(planInput(form).tasks).toEqual(plan(false).tasks);
  });
});

describe('I-115: editing while the plan is on', () => {
  it('locks the saved tasks of a plan that is on, not the ones added since', () => {
    expect(taskLocked(plan(true), task('t1'))).toBe(true);
    expect(taskLocked(plan(true), task(undefined))).toBe(false);
    expect(taskLocked(plan(false), task('t1'))).toBe(false);
    expect(taskLocked(null, task(undefined))).toBe(false);
  });

  it("keeps a task's id only when just its name changed", () => {
    expect(editedTask(task('t1'), { ...task(undefined), name: '改名' })).toEqual({
      ...task('t1'),
      name: '改名',
    });
    const retimed = { ...task(undefined), timing: { mode: 'after' as const, hours: 2, minutes: 0 } };
    expect(editedTask(task('t1'), retimed).id).toBeUndefined();
  });
});

describe('设置推送任务', () => {
  it('maps the dialog to a task and back', () => {
    const saved: SopTaskInput = {
      name: '三天回访',
      timing: { mode: 'days', days: 3, time: '10:00' },
      channel: 'moments',
      contents: [
        { kind: 'text', text: '欢迎' },
        { kind: 'link', title: '官网', url: 'https://example.com', desc: '', picUrl: '' },
        { kind: 'poster', title: '海报', fileId: 'a'.repeat(24) },
      ],
    };
    const form = taskForm(saved);
    expect(taskProblem(form)).toBeNull();
    expect(taskOfForm(form)).toEqual(saved);
  });

  it('checks the ranges and each message (I-113)', () => {
    const form = {
      ...taskForm(null),
      name: '任务',
      contents: [contentDraft('text', { kind: 'text', text: '你好' })],
    };
    expect(taskProblem({ ...form, hours: 24 })).toBe('小时为0-23');
    expect(taskProblem({ ...form, timingMode: 'days', days: 366 })).toBe('天数为0-365');
    expect(taskProblem({ ...form, contents: [] })).toBe('请设置发送内容');
    expect(taskProblem({ ...form, contents: [...form.contents, contentDraft('image')] })).toBe(
      '消息2：请上传图片',
    );
    expect(taskProblem({ ...form, contents: Array(6).fill(form.contents[0]) })).toBe('最多添加5条消息');
    expect(
      taskProblem({ ...form, contents: [contentDraft('text', { kind: 'text', text: '字'.repeat(301) })] }),
    ).toBe('消息1：消息内容最多300个字');
  });

  it('takes jpg/png up to 2M and mp4 up to 10M', () => {
    expect(fileProblem({ type: 'image/png', size: 1024 }, 'image')).toBeNull();
    expect(fileProblem({ type: 'image/gif', size: 1024 }, 'image')).toBe('只能上传jpg/png格式图片');
    expect(fileProblem({ type: 'image/jpeg', size: 3 * 1024 * 1024 }, 'image')).toBe('图片不能超过2M');
    expect(fileProblem({ type: 'video/mp4', size: 11 * 1024 * 1024 }, 'video')).toBe('视频不能超过10M');
  });
});

describe('预览', () => {
  it('counts the calendar per task, staff member and hour', () => {
    const summary = calendarSummary(
      {
        audience: 3,
        slots: [
          { taskId: 't1', hour: '2026-12-05 10:00', staff: { userid: 'a', name: '甲' }, count: 2 },
          { taskId: 't1', hour: '2026-12-05 09:00', staff: { userid: 'b', name: '乙' }, count: 1 },
          { taskId: '2', hour: '2026-12-05 10:00', staff: { userid: 'b', name: '乙' }, count: 4 },
        ],
      },
      [task('t1'), task(undefined, '新任务')],
    );
    expect(summary.total).toBe(7);
    const [byTask, byStaff, byHour] = summary.breakdowns;
    expect(byTask).toEqual({
      title: '按任务',
      column: '任务',
      rows: [
        { key: 't1', label: '首次问候', count: 3 },
        { key: '2', label: '新任务', count: 4 },
      ],
    });
    expect(byStaff?.rows).toEqual([
      { key: 'b', label: '乙', count: 5 },
      { key: 'a', label: '甲', count: 2 },
    ]);
    expect(byHour?.rows.map((row) => row.label)).toEqual(['2026-12-05 09:00', '2026-12-05 10:00']);
  });
});
