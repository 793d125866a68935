import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder } from '@angular/forms';
import { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzFormatEmitEvent, NzTreeModule } from 'ng-zorro-antd/tree';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { map } from 'rxjs';

import { DataScope } from '../../../core/auth/auth.models';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { buildDepartmentTree, departmentIdOfKey } from '../org/department-tree';
import { OrgApi } from '../org/org-api';
import { StaffSelect } from '../org/staff-select';
import { checkedLeafKeys, permissionsFromChecked, toPermissionTreeNodes } from './permission-tree';
import { DATA_SCOPE_OPTIONS, DEFAULT_DATA_SCOPE, ROLE_NAME_MAX, roleFormProblem } from './role-form';
import { PermissionNode, Role, RoleInput } from './roles.models';
import { titleAsText } from '../../../shared/html-text';

/** 新建角色 / 编辑角色 (R-7.2.2-01): 角色名称, then tabs 功能权限 (checkbox tree) and 数据权限 (radio). */
@Component({
  selector: 'app-role-dialog',
  imports: [
    ...SHARED_IMPORTS,
    NzModalModule,
    NzTabsModule,
    NzTreeModule,
    NzRadioModule,
    NzTreeSelectModule,
    StaffSelect,
  ],
  templateUrl: './role-dialog.html',
  styleUrl: './role-dialog.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleDialog implements OnInit {
  protected readonly titleAsText = titleAsText;
  private readonly orgApi = inject(OrgApi);

  /** The role being edited; null for 新建角色. */
  readonly role = input<Role | null>(null);
  readonly permissionTree = input.required<PermissionNode[]>();
  readonly saving = input(false);
  readonly save = output<RoleInput>();
  readonly closed = output<void>();

  protected readonly nameMax = ROLE_NAME_MAX;
  protected readonly scopeOptions = DATA_SCOPE_OPTIONS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [''],
    dataScope: [DEFAULT_DATA_SCOPE as DataScope],
    customDepartmentKeys: [[] as string[]],
    customUserids: [[] as string[]],
  });
  protected readonly dataScope = toSignal(this.form.controls.dataScope.valueChanges, {
    initialValue: DEFAULT_DATA_SCOPE as DataScope,
  });
  protected readonly nameLength = toSignal(
    this.form.controls.name.valueChanges.pipe(map((name) => name.length)),
    { initialValue: 0 },
  );
  protected readonly problem = signal<string | null>(null);

  protected readonly treeNodes = computed(() => toPermissionTreeNodes(this.permissionTree()));
  protected readonly initialCheckedKeys = signal<string[]>([]);
  private checkedKeys: string[] = [];

  private readonly departmentList = toSignal(this.orgApi.departments());
  protected readonly departmentNodes = computed<NzTreeNodeOptions[]>(() => {
    const list = this.departmentList();
    return list ? buildDepartmentTree(list.corpName, list.items) : [];
  });

  ngOnInit(): void {
    const role = this.role();
    if (!role) return;
    this.form.setValue({
      name: role.name,
      dataScope: role.dataScope,
      customDepartmentKeys: role.customDepartmentIds.map(String),
      customUserids: role.customUserids,
    });
    const checked = checkedLeafKeys(this.treeNodes(), role.functionPermissions);
    this.initialCheckedKeys.set(checked);
    this.checkedKeys = checked;
  }

  protected onCheck(event: NzFormatEmitEvent): void {
    this.checkedKeys = event.keys ?? [];
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const input: RoleInput = {
      name: value.name.trim(),
      functionPermissions: permissionsFromChecked(this.treeNodes(), this.checkedKeys),
      dataScope: value.dataScope,
      customDepartmentIds: value.customDepartmentKeys
        .map(departmentIdOfKey)
        .filter((id): id is number => id !== null),
      customUserids: value.customUserids,
    };
    const problem = roleFormProblem(input);
    this.problem.set(problem);
    if (!problem) this.save.emit(input);
  }
}
