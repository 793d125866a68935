import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { SensitiveRuleDialog } from './sensitive-rule-dialog';
import { SensitiveRulesApi } from './sensitive-rules-api';
import {
  RuleStatusFilter,
  SensitiveRule,
  SensitiveRuleInput,
  sentimentLabel,
  sortOf,
  wordsCell,
} from './sensitive-rules.models';

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
    ServerTableDirective,
    NzTooltipModule,
    IfPermittedDirective,
    SensitiveRuleDialog,
  ],
  templateUrl: './sensitive-rules-page.html',
  styleUrls: ['../../../shared/list-page/list-page.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SensitiveRulesPage implements OnInit {
  private readonly api = inject(SensitiveRulesApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  /** 命中次数 is the one sortable column; unsorted = newest first. */
  protected readonly list = new ServerTable<SensitiveRule, { keyword: string; status: RuleStatusFilter }>({
    filters: { keyword: '', status: 'all' },
    fetch: ({ filters, page, pageSize, sort }) =>
      this.api.list(
        { ...filters, sort: sortOf(sort?.key === 'hitCount' ? sort.order : null) },
        page,
        pageSize,
      ),
  });
  protected readonly saving = signal(false);
  /** The dialog: null closed, 'new' for 新建, or the rule being edited. */
  protected readonly editing = signal<SensitiveRule | 'new' | null>(null);
  protected readonly formatDateTime = formatDateTime;
  protected readonly sentimentLabel = sentimentLabel;
  protected readonly wordsCell = wordsCell;

  protected keyword = '';
  protected status: RuleStatusFilter = 'all';

  ngOnInit(): void {
    this.list.reload();
  }

  protected search(): void {
    this.list.search({ keyword: this.keyword, status: this.status });
  }

  protected reset(): void {
    this.keyword = '';
    this.status = 'all';
    this.search();
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
        this.list.reload();
      },
      error: () => this.saving.set(false),
    });
  }

  protected toggle(rule: SensitiveRule): void {
    this.api.setEnabled(rule.id, !rule.enabled).subscribe(() => {
      this.message.success(rule.enabled ? '已关闭' : '已开启');
      this.list.reload();
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
          this.list.reload();
        });
      },
    });
  }
}
