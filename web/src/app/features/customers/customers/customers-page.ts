import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ColumnChooser } from '../../../shared/list-columns/column-chooser';
import { ManualSyncButton } from '../../../shared/manual-sync/manual-sync-button';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { StaffSelect } from '../../system/org/staff-select';
import { CUSTOMER_SOURCES, CustomerFilter, CustomerRow } from './customer.models';
import { CustomerDetailDrawer } from './customer-detail-drawer';
import { CustomerTagDialog, TagChoice } from './customer-tag-dialog';
import { CustomersApi } from './customers-api';
import { CustomersStore } from './customers-store';
import {
  describeAdders,
  describeTaggingJob,
  describeTotal,
  EMPTY_FILTER,
  filterBody,
  orDash,
} from './customer-texts';

// The write-back is followed for a while so the user sees it reach WeCom; the job keeps going anyway.
const JOB_POLL_MS = 1500;
const JOB_MAX_POLLS = 40;

/** 客户管理 → 客户: search, 高级搜索, the user's columns, 打标签, 同步, paging, 客户详情. */
@Component({
  selector: 'app-customers-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzTableModule,
    ServerTableDirective,
    NzAvatarModule,
    NzDatePickerModule,
    NzRadioModule,
    NzSelectModule,
    StaffSelect,
    NzTagModule,
    IfPermittedDirective,
    CustomerTagDialog,
    CustomerDetailDrawer,
    ColumnChooser,
    ManualSyncButton,
  ],
  providers: [CustomersStore],
  templateUrl: './customers-page.html',
  styleUrl: './customers-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomersPage implements OnInit {
  protected readonly store = inject(CustomersStore);
  private readonly api = inject(CustomersApi);
  private readonly message = inject(NzMessageService);

  /** The filter being edited; applied with 查询 (or Enter in the search box). */
  protected readonly draft = signal<CustomerFilter>({ ...EMPTY_FILTER });
  protected readonly expanded = signal(false);
  protected readonly tagDialogOpen = signal(false);
  protected readonly tagging = signal(false);
  protected readonly detailOf = signal<string | null>(null);
  protected readonly sources = CUSTOMER_SOURCES;
  protected readonly formatDateTime = formatDateTime;
  protected readonly describeAdders = describeAdders;
  protected readonly orDash = orDash;
  protected readonly totalText = computed(() =>
    describeTotal(this.store.table.total(), this.store.totalCapped()),
  );

  ngOnInit(): void {
    this.store.load();
  }

  protected setDraft<K extends keyof CustomerFilter>(key: K, value: CustomerFilter[K]): void {
    this.draft.update((draft) => ({ ...draft, [key]: value }));
  }

  protected search(): void {
    this.store.applyFilter({
      ...this.draft(),
      keyword: this.draft().keyword.trim(),
      corpName: this.draft().corpName.trim(),
    });
  }

  protected reset(): void {
    this.draft.set({ ...EMPTY_FILTER });
    this.store.applyFilter({ ...EMPTY_FILTER });
  }

  protected openTagDialog(): void {
    this.tagDialogOpen.set(true);
  }

  protected applyTags(choice: TagChoice): void {
    const body =
      choice.scope === 'filter'
        ? {
            filter: filterBody(this.store.table.filters()),
            addTagIds: choice.addTagIds,
            removeTagIds: choice.removeTagIds,
          }
        : {
            externalUserids: this.store.selection.keys(),
            addTagIds: choice.addTagIds,
            removeTagIds: choice.removeTagIds,
          };
    this.tagging.set(true);
    this.api.tag(body).subscribe({
      next: (job) => {
        this.tagging.set(false);
        this.tagDialogOpen.set(false);
        this.store.selection.clear();
        this.store.reload();
        this.followJob(job.id, 0, this.message.loading(describeTaggingJob(job), { nzDuration: 0 }).messageId);
      },
      error: () => this.tagging.set(false),
    });
  }

  private followJob(id: string, polls: number, messageId: string): void {
    setTimeout(() => {
      this.api.taggingJob(id).subscribe((job) => {
        if (job.status === 'running' && polls < JOB_MAX_POLLS) {
          this.followJob(id, polls + 1, messageId);
          return;
        }
        this.message.remove(messageId);
        const text = describeTaggingJob(job);
        if (job.status === 'running') this.message.info(text);
        else if (job.failures.length) {
          const first = job.failures[0];
          this.message.warning(`${text}（${first.errcode} ${first.errmsg}）`, { nzDuration: 8000 });
        } else this.message.success(text);
      });
    }, JOB_POLL_MS);
  }

  protected trackRow(_: number, row: CustomerRow): string {
    return row.externalUserid;
  }
}
