import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { DepartmentPanel } from './department-panel';
import { StaffMember } from './org.models';
import { OrgStore } from './org-store';

const COMING_SOON = '该功能即将开放';

/** 组织架构: department tree on the left, the staff list with sync and seats on the right (§7.1). */
@Component({
  selector: 'app-org-page',
  imports: [
    ...SHARED_IMPORTS,
    DepartmentPanel,
    NzTableModule,
    NzAvatarModule,
    NzPopconfirmModule,
    NzModalModule,
  ],
  providers: [OrgStore],
  templateUrl: './org-page.html',
  styleUrl: './org-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrgPage implements OnInit {
  protected readonly store = inject(OrgStore);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  protected readonly pageSizeOptions = [10, 20, 50, 100];
  protected readonly keyword = new FormControl('', { nonNullable: true });

  constructor() {
    this.keyword.valueChanges
      .pipe(
        map((value) => value.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((keyword) => this.store.search(keyword));
  }

  ngOnInit(): void {
    this.store.load();
  }

  protected searchNow(): void {
    this.store.search(this.keyword.value.trim());
  }

  protected onQueryParamsChange(params: NzTableQueryParams): void {
    this.store.changePage(params.pageIndex, params.pageSize);
  }

  protected departmentNames(member: StaffMember): string {
    return member.departments.map((d) => d.name).join('、') || '-';
  }

  protected openCreateStaff(): void {
    this.modal.info({ nzTitle: '新建员工', nzContent: '新建员工即将开放', nzOkText: '知道了' });
  }

  protected comingSoon(): void {
    this.message.info(COMING_SOON);
  }
}
