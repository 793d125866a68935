import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { SensitiveRuleDialog } from './sensitive-rule-dialog';
import { SensitiveRulesApi } from './sensitive-rules-api';
import {
  RuleSort,
  RuleStatusFilter,
  SensitiveRule,
  SensitiveRuleInput,
  SensitiveRulePage,
  sentimentLabel,
  sortOf,
  wordsCell,
} from './sensitive-rules.models';

const EMPTY_PAGE: SensitiveRulePage = { items: [], total: 0, page: 1, pageSize: 20 };

/**
 * 会话存档 → 敏感消息管理, titled 敏感消息设置: rules by name and 状态, newest first or by
 * 命中次数, with 开启/关闭, 编辑 and 删除 (asked twice) and the 新建 / 编辑 dialog.
 */
@Component({
  selector: 'app-sensitive-rules-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTooltipModule,
    IfPermittedDirective,
    SensitiveRuleDialog,
  ],
  templateUrl: './sensitive-rules-page.html',
  styleUrl: './sensitive-rules-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SensitiveRulesPage implements OnInit {
  private readonly api = inject(SensitiveRulesApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  protected readonly pageSizeOptions = [10, 20, 50, 100];
  protected readonly page = signal<SensitiveRulePage>(EMPTY_PAGE);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  /** The dialog: null closed, 'new' for 新建, or the rule being edited. */
  protected readonly editing = signal<SensitiveRule | 'new' | null>(null);
  protected readonly formatDateTime = formatDateTime;
  protected readonly sentimentLabel = sentimentLabel;
  protected readonly wordsCell = wordsCell;

  protected keyword = '';
  protected status: RuleStatusFilter = 'all';
  private filters: { keyword: string; status: RuleStatusFilter } = { keyword: '', status: 'all' };
  private sort: RuleSort = 'createdAt';

  ngOnInit(): void {
    this.load(1, EMPTY_PAGE.pageSize);
  }

  protected search(): void {
    this.filters = { keyword: this.keyword, status: this.status };
    this.load(1, this.page().pageSize);
  }

  protected reset(): void {
    this.keyword = '';
    this.status = 'all';
    this.search();
  }

  protected onQueryParams(params: NzTableQueryParams): void {
    const sort = sortOf(params.sort.find((entry) => entry.key === 'hitCount')?.value ?? null);
    const { page, pageSize } = this.page();
    if (sort === this.sort && params.pageIndex === page && params.pageSize === pageSize) return;
    const restart = sort !== this.sort || params.pageSize !== pageSize;
    this.sort = sort;
    this.load(restart ? 1 : params.pageIndex, params.pageSize);
  }

  protected editingRule(): SensitiveRule | null {
    const editing = this.editing();
    return editing === 'new' ? null : editing;
  }

  protected save(input: SensitiveRuleInput): void {
    const editing = this.editing();
    if (editing === null) return;
    this.saving.set(true);
    const request = editing === 'new' ? this.api.create(input) : this.api.edit(editing.id, input);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(null);
        this.message.success(editing === 'new' ? '新建成功' : '保存成功');
        this.reload();
      },
      error: () => this.saving.set(false),
    });
  }

  protected toggle(rule: SensitiveRule): void {
    this.api.setEnabled(rule.id, !rule.enabled).subscribe(() => {
      this.message.success(rule.enabled ? '已关闭' : '已开启');
      this.reload();
    });
  }

  protected confirmDelete(rule: SensitiveRule): void {
    this.modal.confirm({
      nzTitle: '是否确认删除该规则？',
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () => {
        this.api.remove(rule.id).subscribe(() => {
          this.message.success('删除成功');
          this.reload();
        });
      },
    });
  }

  private reload(): void {
    this.load(this.page().page, this.page().pageSize);
  }

  private load(page: number, pageSize: number): void {
    this.loading.set(true);
    this.api.list({ ...this.filters, sort: this.sort }, page, pageSize).subscribe({
      next: (result) => {
        this.page.set(result);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }
}
