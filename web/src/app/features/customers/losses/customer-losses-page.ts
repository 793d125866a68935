import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { StaffSelect } from '../../system/org/staff-select';
import { TagGroup } from '../../system/tags/tags.models';
import { TagsApi } from '../../system/tags/tags-api';
import { CustomerLossesApi } from './customer-losses-api';
import {
  CustomerLossFilters,
  CustomerLossView,
  LOSS_KIND_LABELS,
  LossKind,
  toLossFilters,
} from './customer-losses.models';
import { LossAlertSettingsDialog } from './loss-alert-settings-dialog';

/**
 * 客户管理 → 流失客户 (issue 19 item 3): the ended relations, newest first, by 员工, 流失方式, 流失时间 and
 * 标签, server-side pages, 导出 with the filters in force, and 流失提醒设置 in a dialog.
 */
@Component({
  selector: 'app-customer-losses-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDatePickerModule,
    NzSelectModule,
    StaffSelect,
    NzTableModule,
    ServerTableDirective,
    NzTagModule,
    IfPermittedDirective,
    LossAlertSettingsDialog,
  ],
  templateUrl: './customer-losses-page.html',
  styleUrls: ['../../../shared/list-page/list-page.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerLossesPage implements OnInit {
  private readonly api = inject(CustomerLossesApi);
  private readonly tagsApi = inject(TagsApi);

  protected readonly list = new ServerTable<CustomerLossView, CustomerLossFilters>({
    filters: {},
    fetch: ({ filters, page, pageSize }) => this.api.list(filters, page, pageSize),
  });
  protected readonly tagGroups = signal<TagGroup[]>([]);
  protected readonly settingsOpen = signal(false);
  protected readonly kinds = Object.entries(LOSS_KIND_LABELS) as Array<[LossKind, string]>;
  protected readonly kindLabel = LOSS_KIND_LABELS;
  protected readonly formatDateTime = formatDateTime;

  // The form's fields, read when 查询 is pressed.
  protected userid: string | null = null;
  protected kind: LossKind | 'all' = 'all';
  protected range: Date[] = [];
  protected tagId: string | null = null;

  ngOnInit(): void {
    this.tagsApi.list('corp').subscribe((groups) => this.tagGroups.set(groups));
    this.list.reload();
  }

  protected search(): void {
    this.list.search(
      toLossFilters({ userid: this.userid, kind: this.kind, range: this.range, tagId: this.tagId }),
    );
  }

  protected reset(): void {
    this.userid = null;
    this.kind = 'all';
    this.range = [];
    this.tagId = null;
    this.search();
  }

  protected exportUrl(): string {
    return this.api.exportUrl(this.list.filters());
  }
}
