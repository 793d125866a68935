import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { Observable } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { RoleDialog } from './role-dialog';
import { canDeleteRole, canEditRole } from './role-form';
import { PermissionNode, Role, RoleInput } from './roles.models';
import { RolesApi } from './roles-api';

/** 权限管理: the roles with 员工数 and 创建人, and the 新建角色 / 编辑角色 dialog. */
@Component({
  selector: 'app-roles-page',
  imports: [
    ...SHARED_IMPORTS,
    NzTableModule,
    ServerTableDirective,
    NzPopconfirmModule,
    RoleDialog,
    IfPermittedDirective,
  ],
  templateUrl: './roles-page.html',
  styleUrls: ['../../../shared/list-page/list-page.css', './roles-page.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RolesPage implements OnInit {
  private readonly api = inject(RolesApi);
  private readonly message = inject(NzMessageService);

  protected readonly list = new ServerTable<Role, null>({
    filters: null,
    fetch: ({ page, pageSize }) => this.api.list(page, pageSize),
  });
  protected readonly permissionTree = signal<PermissionNode[] | null>(null);
  /** The dialog: closed (undefined), 新建角色 (null) or 编辑角色 (the role). */
  protected readonly editing = signal<Role | null | undefined>(undefined);
  protected readonly saving = signal(false);
  protected readonly canEdit = canEditRole;
  protected readonly canDelete = canDeleteRole;

  ngOnInit(): void {
    this.list.reload();
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
        this.list.reload();
      },
      // The error interceptor shows the server's message (e.g. 角色名称已存在); the dialog stays open.
      error: () => this.saving.set(false),
    });
  }

  protected deleteRole(role: Role): void {
    this.api.remove(role.id).subscribe(() => {
      this.message.success('角色已删除');
      this.list.reload();
    });
  }
}
