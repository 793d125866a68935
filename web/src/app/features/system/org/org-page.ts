import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { DepartmentPanel } from './department-panel';
import { StaffMember } from './org.models';
import { OrgApi } from './org-api';
import { OrgStore } from './org-store';
import { StaffPasswordDialog } from './staff-password-dialog';
import { StaffRoleDialog } from './staff-role-dialog';

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
    NzTagModule,
    IfPermittedDirective,
    StaffRoleDialog,
    StaffPasswordDialog,
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
  private readonly api = inject(OrgApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  /** The role whose staff are listed (权限管理's 员工数 link), shown as a removable tag. */
  protected readonly roleFilterName = signal<string | null>(null);
  protected readonly roleDialogFor = signal<StaffMember | null>(null);
  protected readonly passwordDialogFor = signal<StaffMember | null>(null);
  protected readonly savingDialog = signal(false);

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
    const params = this.route.snapshot.queryParamMap;
    const roleId = params.get('roleId');
    if (roleId) {
      this.store.query.update((query) => ({ ...query, roleId }));
      this.roleFilterName.set(params.get('roleName') ?? '');
    }
    this.store.load();
  }

  protected clearRoleFilter(): void {
    this.roleFilterName.set(null);
    this.store.filterByRole(null);
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected saveRole(member: StaffMember, roleId: string): void {
    this.savingDialog.set(true);
    this.store.setRole(member.userid, roleId, () => {
      this.savingDialog.set(false);
      this.roleDialogFor.set(null);
    });
  }

  protected savePassword(member: StaffMember, password: string): void {
    this.savingDialog.set(true);
    this.api.resetPassword(member.userid, password).subscribe({
      next: () => {
        this.savingDialog.set(false);
        this.passwordDialogFor.set(null);
        this.message.success('密码已重置');
      },
      error: () => this.savingDialog.set(false),
    });
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
