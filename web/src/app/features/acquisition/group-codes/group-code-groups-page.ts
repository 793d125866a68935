import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { ActualGroupsTable } from './actual-groups-table';
import { GroupDialog } from './group-dialog';
import { GroupCodesApi } from './group-codes-api';
import {
  GroupCodeDetail,
  GroupInput,
  GroupView,
  STATUS_LABELS,
  STRATEGY_OPTIONS,
} from './group-codes.models';

/**
 * 管理实际群码 (R-2.1.3-06): the code's groups with their 扫码次数 and 实际群码状态, paginated, + 添加实际群码,
 * 编辑 and 删除; the header shows the code's own 扫码次数 and 活码状态.
 */
@Component({
  selector: 'app-group-code-groups-page',
  imports: [...SHARED_IMPORTS, IfPermittedDirective, ActualGroupsTable, GroupDialog],
  templateUrl: './group-code-groups-page.html',
  styleUrl: './group-codes.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupCodeGroupsPage implements OnInit {
  private readonly api = inject(GroupCodesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);

  protected readonly code = signal<GroupCodeDetail | null>(null);
  protected readonly editing = signal<{ group: GroupView | null } | null>(null);
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly strategyLabel = (value: string) =>
    STRATEGY_OPTIONS.find((option) => option.value === value)?.label ?? value;
  private codeId = '';

  ngOnInit(): void {
    this.codeId = this.route.snapshot.paramMap.get('codeId') ?? '';
    this.api.get(this.codeId).subscribe((code) => this.code.set(code));
  }

  protected save(group: GroupInput): void {
    const target = this.editing()?.group;
    const request = target
      ? this.api.updateGroup(this.codeId, target.id, group)
      : this.api.addGroup(this.codeId, group);
    request.subscribe((code) => {
      this.code.set(code);
      this.editing.set(null);
      this.message.success('保存成功');
    });
  }

  protected remove(group: GroupView): void {
    this.api.removeGroup(this.codeId, group.id).subscribe((code) => {
      this.code.set(code);
      this.message.success('删除成功');
    });
  }
}
