import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ColumnChooser } from '../../../shared/list-columns/column-chooser';
import { ListColumns } from '../../../shared/list-columns/list-columns';
import { ManualSync } from '../../../shared/manual-sync/manual-sync';
import { ManualSyncButton } from '../../../shared/manual-sync/manual-sync-button';
import { PageSelection } from '../../../shared/page-selection/page-selection';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { StaffSelect } from '../../system/org/staff-select';
import { TagGroup, tagColorHex } from '../../system/tags/tags.models';
import { TagsApi } from '../../system/tags/tags-api';
import { CustomerGroupsApi } from './customer-groups-api';
import { CustomerGroupFilters, CustomerGroupRow, UNNAMED_GROUP } from './customer-groups.models';
import { GroupPortraitDrawer } from './group-portrait-drawer';
import { toFilters } from './group-filters';

/**
 * 客户管理 → 客户群: search by 客户群名称, 群主 / 群标签 / 最近沟通时间 (展开: 创建时间),
 * server-side pages of 20, 批量打标签 with 群标签, 同步, and 群画像 in a drawer.
 */
@Component({
  selector: 'app-customer-groups-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDatePickerModule,
    NzModalModule,
    NzSelectModule,
    StaffSelect,
    NzTableModule,
    ServerTableDirective,
    NzTagModule,
    IfPermittedDirective,
    GroupPortraitDrawer,
    ColumnChooser,
    ManualSyncButton,
  ],
  templateUrl: './customer-groups-page.html',
  styleUrls: ['../../../shared/list-page/list-page.css', './customer-groups-page.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerGroupsPage implements OnInit {
  private readonly api = inject(CustomerGroupsApi);
  private readonly tagsApi = inject(TagsApi);
  private readonly message = inject(NzMessageService);

  protected readonly list = new ServerTable<CustomerGroupRow, CustomerGroupFilters>({
    filters: {},
    fetch: ({ filters, page, pageSize }) => this.api.list(filters, page, pageSize),
  });
  protected readonly expanded = signal(false);
  protected readonly tagGroups = signal<TagGroup[]>([]);
  /** The groups ticked for 打标签, on any page. */
  protected readonly selection = new PageSelection<CustomerGroupRow>((row) => row.chatId);
  protected readonly tagging = signal(false);
  protected readonly bulkTagIds = signal<string[]>([]);
  protected readonly portraitOf = signal<string | null>(null);
  /** The gear's columns (R-3.2.1-07), remembered per user. */
  protected readonly columns = new ListColumns((columns) => this.api.saveColumns(columns));
  /** 同步 (R-3.2.1-02/03): the page is read again when the sync ends. */
  protected readonly sync = new ManualSync(
    { state: () => this.api.syncState(), start: () => this.api.startSync() },
    () => this.list.reload(),
  );
  protected readonly unnamed = UNNAMED_GROUP;
  protected readonly colorOf = tagColorHex;
  protected readonly formatDateTime = formatDateTime;

  // The form's fields, read when 查询 is pressed.
  protected keyword = '';
  protected ownerUserids: string[] = [];
  protected groupTagIds: string[] = [];
  protected lastMessageRange: Date[] = [];
  protected createdRange: Date[] = [];

  ngOnInit(): void {
    this.tagsApi.list('group').subscribe((groups) => this.tagGroups.set(groups));
    this.api.columns().subscribe((columns) => this.columns.set(columns));
    this.list.reload();
    this.sync.load();
  }

  protected search(): void {
    this.list.search(
      toFilters({
        keyword: this.keyword,
        ownerUserids: this.ownerUserids,
        groupTagIds: this.groupTagIds,
        lastMessageRange: this.lastMessageRange,
        createdRange: this.expanded() ? this.createdRange : [],
      }),
    );
  }

  protected reset(): void {
    this.keyword = '';
    this.ownerUserids = [];
    this.groupTagIds = [];
    this.lastMessageRange = [];
    this.createdRange = [];
    this.search();
  }

  protected tagSelected(): void {
    const tagIds = this.bulkTagIds();
    if (tagIds.length === 0) {
      this.message.warning('请选择标签');
      return;
    }
    this.api.tag(this.selection.keys(), tagIds).subscribe(() => {
      this.message.success('打标签成功');
      this.tagging.set(false);
      this.bulkTagIds.set([]);
      this.selection.clear();
      this.list.reload();
    });
  }
}
