import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { ManualSyncButton } from '../../../shared/manual-sync/manual-sync-button';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { addChildProblem } from './department-edits';
import { DepartmentNameDialog, DepartmentNameDialogData } from './department-name-dialog';
import { DepartmentMove, DepartmentPanel } from './department-panel';
import { OrgApi } from './org-api';
import { StaffFields, StaffMember } from './org.models';
import { OrgStore } from './org-store';
import { StaffFormDialog, StaffFormDialogData } from './staff-form-dialog';
import { emptyStaffFields, staffFieldsOf } from './staff-form';
import { StaffPasswordDialog } from './staff-password-dialog';
import { StaffRoleDialog } from './staff-role-dialog';

/** 组织架构: department tree on the left, the staff list with sync and seats on the right (§7.1). */
@Component({
  selector: 'app-org-page',
  imports: [
    ...SHARED_IMPORTS,
    DepartmentPanel,
    NzTableModule,
    ServerTableDirective,
    NzAvatarModule,
    NzPopconfirmModule,
    NzModalModule,
    NzAlertModule,
    NzTagModule,
    NzTooltipModule,
    IfPermittedDirective,
    ManualSyncButton,
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
  private readonly auth = inject(AuthService);
  private readonly api = inject(OrgApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  /** The role whose staff are listed (权限管理's 员工数 link), shown as a removable tag. */
  protected readonly roleFilterName = signal<string | null>(null);
  protected readonly roleDialogFor = signal<StaffMember | null>(null);
  protected readonly passwordDialogFor = signal<StaffMember | null>(null);
  protected readonly savingDialog = signal(false);

  /** The tree's "+", "…" menu and drag and drop: the contacts secret may write and the role may edit departments. */
  protected readonly departmentsEditable = computed(
    () => this.store.editability().editable && this.auth.can('system.org.department-edit'),
  );

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
      this.store.staff.filters.update((filters) => ({ ...filters, roleId }));
      this.roleFilterName.set(params.get('roleName') ?? '');
    }
    this.store.load();
    this.store.loadEditability();
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

  protected departmentNames(member: StaffMember): string {
    return member.departments.map((d) => d.name).join('、') || '-';
  }

  protected openCreateStaff(): void {
    this.openStaffDialog('新建员工', 'create', emptyStaffFields(this.store.staff.filters().departmentId));
  }

  protected openEditStaff(member: StaffMember): void {
    this.api.staffDetail(member.userid).subscribe((detail) => {
      this.openStaffDialog('编辑员工', 'edit', staffFieldsOf(detail));
    });
  }

  private openStaffDialog(title: string, mode: 'create' | 'edit', fields: StaffFields): void {
    this.api.roleOptions().subscribe((roles) => {
      this.modal.create<StaffFormDialog, StaffFormDialogData>({
        nzTitle: title,
        nzContent: StaffFormDialog,
        nzWidth: 640,
        nzData: {
          mode,
          fields,
          roles,
          departmentNodes: this.store.tree(),
          save: (payload) =>
            mode === 'create'
              ? this.store.createStaff(payload)
              : this.store.updateStaff(fields.userid, payload),
        },
      });
    });
  }

  protected addDepartment(parentId: number): void {
    const problem = addChildProblem(this.store.departments(), parentId);
    if (problem) {
      this.message.warning(problem);
      return;
    }
    this.openNameDialog('添加子部门', '', (name) => this.store.addDepartment(parentId, name));
  }

  protected renameDepartment(id: number): void {
    const current = this.store.departments().find((d) => d.id === id);
    this.openNameDialog('重命名', current?.name ?? '', (name) => this.store.renameDepartment(id, name));
  }

  protected moveDepartment(move: DepartmentMove): void {
    this.store.moveDepartment(move.id, move.target.parentId, move.target.index);
  }

  private openNameDialog(title: string, name: string, save: DepartmentNameDialogData['save']): void {
    this.modal.create<DepartmentNameDialog, DepartmentNameDialogData>({
      nzTitle: title,
      nzContent: DepartmentNameDialog,
      nzData: { name, save },
    });
  }
}
