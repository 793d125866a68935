import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import type { WecomBindingView } from '@contracts/wecom-binding.contract';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { forkJoin } from 'rxjs';

import { callerShowsErrors } from '../../../core/net/api-error';
import { GroupedSelect, SelectGroup } from '../../../shared/grouped-select/grouped-select';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { CustomersApi } from '../../customers/customers/customers-api';
import { StaffOption, StaffSelect } from '../../system/org/staff-select';
import { TagsApi } from '../../system/tags/tags-api';
import { SopApi } from './sop-api';
import { SopTaskDialog } from './sop-task-dialog';
import {
  calendarSummary,
  CalendarSummary,
  CHANNEL_TAGS,
  editedTask,
  emptyPlanForm,
  formOfPlan,
  NAME_MAX,
  planInput,
  planLocked,
  planProblem,
  SCOPE_LABELS,
  scopeOf,
  scopeProblem,
  SopPlan,
  SopPlanForm,
  SopScopeKind,
  SopTaskInput,
  TASKS_MAX,
  taskLocked,
  taskSummary,
  timingCardText,
} from './sop.models';

/**
 * 新建 / 编辑SOP计划 (R-8.1, R-8.2-04): 计划名称, 执行范围 with 实时计算, the push tasks and their dialog, and a
 * 预览 of the reminders of the next 7 days. While the plan is on, only new tasks may be added (I-115).
 */
@Component({
  selector: 'app-sop-plan-form-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    GroupedSelect,
    StaffSelect,
    SopTaskDialog,
  ],
  templateUrl: './sop-plan-form-page.html',
  styleUrl: './sop-plan-form-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SopPlanFormPage implements OnInit {
  private readonly api = inject(SopApi);
  private readonly http = inject(HttpClient);
  private readonly customersApi = inject(CustomersApi);
  private readonly tagsApi = inject(TagsApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly router = inject(Router);
  private readonly changes = inject(ChangeDetectorRef);

  /** The route's :planId when editing. */
  readonly planId = input<string>();

  protected readonly nameMax = NAME_MAX;
  protected readonly scopeOptions = Object.entries(SCOPE_LABELS) as Array<[SopScopeKind, string]>;
  protected readonly channelTags = CHANNEL_TAGS;
  protected readonly timingCardText = timingCardText;
  protected readonly taskSummary = taskSummary;

  protected readonly plan = signal<SopPlan | null>(null);
  protected readonly loaded = signal(false);
  protected readonly saving = signal(false);
  protected readonly staff = signal<StaffOption[]>([]);
  protected readonly customerTags = signal<SelectGroup[]>([]);
  protected readonly groupTags = signal<SelectGroup[]>([]);
  /** 「应用名称」 of the helper text: the app of 企业微信绑定 (§7.4) where the role may read it. */
  protected readonly appName = signal('应用');
  /** 预计当前可触达人数: null ("-") until 实时计算. */
  protected readonly reach = signal<number | null>(null);
  protected readonly reaching = signal(false);
  /** The task dialog: null closed, 'new', or the index of the task being edited. */
  protected readonly editingTask = signal<number | 'new' | null>(null);
  protected readonly preview = signal<(CalendarSummary & { audience: number }) | null>(null);
  protected readonly previewing = signal(false);

  protected form: SopPlanForm = emptyPlanForm();

  ngOnInit(): void {
    forkJoin([this.customersApi.options(), this.tagsApi.list('group')]).subscribe(
      ([customers, groupTags]) => {
        this.staff.set(customers.staff);
        this.customerTags.set(
          customers.tagGroups.map((group) => ({
            label: group.name,
            options: group.tags.map((tag) => ({ value: tag.id, label: tag.name })),
          })),
        );
        this.groupTags.set(
          groupTags.map((group) => ({
            label: group.name,
            options: group.tags.map((tag) => ({ value: tag.id, label: tag.name })),
          })),
        );
      },
    );
    // Only the name is wanted: a role without the settings page keeps the generic word, without a toast.
    this.http.get<WecomBindingView>('/api/wecom/binding', { context: callerShowsErrors() }).subscribe({
      next: (binding) => binding.app.name && this.appName.set(binding.app.name),
      error: () => {},
    });
    const id = this.planId();
    if (!id) {
      this.loaded.set(true);
      return;
    }
    this.api.get(id).subscribe((plan) => {
      this.plan.set(plan);
      this.form = formOfPlan(plan);
      this.loaded.set(true);
    });
  }

  protected chars(text: string): number {
    return [...text].length;
  }

  /** I-115: 计划名称 and 执行范围 read-only while the plan is on. */
  protected locked(): boolean {
    return planLocked(this.plan());
  }

  protected taskLocked(task: SopTaskInput): boolean {
    return taskLocked(this.plan(), task);
  }

  protected calculate(): void {
    const problem = scopeProblem(this.form);
    if (problem) {
      this.message.warning(problem);
      return;
    }
    this.reaching.set(true);
    this.api.reach(scopeOf(this.form)).subscribe({
      next: ({ total }) => {
        this.reach.set(total);
        this.reaching.set(false);
      },
      error: () => this.reaching.set(false),
    });
  }

  protected addTask(): void {
    if (this.form.tasks.length >= TASKS_MAX) {
      this.message.warning(`最多${TASKS_MAX}个推送任务`);
      return;
    }
    this.editingTask.set('new');
  }

  protected taskInDialog(): SopTaskInput | null {
    const editing = this.editingTask();
    return typeof editing === 'number' ? this.form.tasks[editing] : null;
  }

  protected saveTask(task: Omit<SopTaskInput, 'id'>): void {
    const editing = this.editingTask();
    this.form.tasks =
      editing === 'new'
        ? [...this.form.tasks, task]
        : this.form.tasks.map((old, index) => (index === editing ? editedTask(old, task) : old));
    this.editingTask.set(null);
    this.preview.set(null);
  }

  protected removeTask(index: number): void {
    this.modal.confirm({
      nzTitle: '是否确认删除该推送任务？',
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () => {
        this.form.tasks = this.form.tasks.filter((_, at) => at !== index);
        this.preview.set(null);
        // The confirm's button is outside this view: tell it the cards changed.
        this.changes.markForCheck();
      },
    });
  }

  /**
   * 预览 (the dry run): the saved plan's own schedule while the form still says what was saved, else what the
   * form would bring if it were switched on now.
   */
  protected showPreview(): void {
    const saved = this.plan();
    const unchanged =
      saved !== null && JSON.stringify(planInput(this.form)) === JSON.stringify(planInput(formOfPlan(saved)));
    const problem = unchanged
      ? null
      : (scopeProblem(this.form) ?? (this.form.tasks.length ? null : '请添加推送任务'));
    if (problem) {
      this.message.warning(problem);
      return;
    }
    const tasks = this.form.tasks;
    this.previewing.set(true);
    this.api.calendar(unchanged ? saved.id : null, scopeOf(this.form), tasks).subscribe({
      next: (calendar) => {
        this.preview.set({ ...calendarSummary(calendar, tasks), audience: calendar.audience });
        this.previewing.set(false);
      },
      error: () => this.previewing.set(false),
    });
  }

  protected submit(): void {
    const problem = planProblem(this.form);
    if (problem) {
      this.message.warning(problem);
      return;
    }
    const plan = this.plan();
    this.saving.set(true);
    const input = planInput(this.form);
    (plan ? this.api.update(plan.id, input) : this.api.create(input)).subscribe({
      next: () => {
        this.saving.set(false);
        this.message.success(plan ? '保存成功' : '创建成功，计划已开启');
        void this.router.navigateByUrl('/operation/sop');
      },
      error: () => this.saving.set(false),
    });
  }
}
