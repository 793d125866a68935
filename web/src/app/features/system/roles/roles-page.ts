import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { Observable } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { RoleDialog } from './role-dialog';
import { canDeleteRole, canEditRole } from './role-form';
import { PermissionNode, Role, RoleInput, RolePage } from './roles.models';
import { RolesApi } from './roles-api';

const EMPTY_PAGE: RolePage = { items: [], total: 0, page: 1, pageSize: 20 };

/** 权限管理: the roles with 员工数 and 创建人, and the 新建角色 / 编辑角色 dialog. */
@Component({
  selector: 'app-roles-page',
  imports: [...SHARED_IMPORTS, NzTableModule, NzPopconfirmModule, RoleDialog, IfPermittedDirective],
  templateUrl: './roles-page.html',
  styleUrl: './roles-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RolesPage implements OnInit {
  private readonly api = inject(RolesApi);
  private readonly message = inject(NzMessageService);

  protected readonly pageSizeOptions = [10, 20, 50, 100];
  protected readonly page = signal<RolePage>(EMPTY_PAGE);
  protected readonly loading = signal(false);
  protected readonly permissionTree = signal<PermissionNode[] | null>(null);
  /** The dialog: closed (undefined), 新建角色 (null) or 编辑角色 (the role). */
  protected readonly editing = signal<Role | null | undefined>(undefined);
  protected readonly saving = signal(false);
  protected readonly canEdit = canEditRole;
  protected readonly canDelete = canDeleteRole;

  ngOnInit(): void {
    this.load(1, this.page().pageSize);
  }

  protected onQueryParams(params: NzTableQueryParams): void {
    const { page, pageSize } = this.page();
    if (params.pageIndex === page && params.pageSize === pageSize) return;
    this.load(params.pageSize === pageSize ? params.pageIndex : 1, params.pageSize);
  }

  protected openDialog(role: Role | null): void {
    if (this.permissionTree()) {
      this.editing.set(role);
      return;
    }
    this.api.permissionTree().subscribe((tree) => {
      this.permissionTree.set(tree);
      this.editing.set(role);
    });
  }

  protected saveRole(input: RoleInput): void {
    const role = this.editing();
    const request: Observable<unknown> = role ? this.api.update(role.id, input) : this.api.create(input);
    this.saving.set(true);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(undefined);
        this.message.success(role ? '角色已保存' : '角色已创建');
        this.reload();
      },
      // The error interceptor shows the server's message (e.g. 角色名称已存在); the dialog stays open.
      error: () => this.saving.set(false),
    });
  }

  protected deleteRole(role: Role): void {
    this.api.remove(role.id).subscribe(() => {
      this.message.success('角色已删除');
      this.reload();
    });
  }

  private reload(): void {
    this.load(this.page().page, this.page().pageSize);
  }

  private load(page: number, pageSize: number): void {
    this.loading.set(true);
    this.api.list(page, pageSize).subscribe({
      next: (result) => {
        this.page.set(result);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }
}
