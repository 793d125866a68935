import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { map } from 'rxjs';

import { RolesApi } from '../roles/roles-api';
import { StaffMember } from './org.models';

/** 设置角色: picks the staff member's one role (I-100). 超级管理员 is not offered: it is the super admin's alone. */
@Component({
  selector: 'app-staff-role-dialog',
  imports: [FormsModule, NzModalModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="true"
      nzTitle="设置角色"
      nzOkText="确定"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      [nzOkDisabled]="!roleId()"
      (nzOnOk)="save.emit(roleId()!)"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <p>员工：{{ member().name }}</p>
        <nz-select
          class="role-select"
          nzPlaceHolder="请选择角色"
          [ngModel]="roleId()"
          (ngModelChange)="roleId.set($event)"
          data-testid="staff-role-select"
        >
          @for (role of roles(); track role.id) {
            <nz-option [nzValue]="role.id" [nzLabel]="role.name" />
          }
        </nz-select>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .role-select {
      width: 100%;
    }
  `,
})
export class StaffRoleDialog implements OnInit {
  readonly member = input.required<StaffMember>();
  readonly saving = input(false);
  readonly save = output<string>();
  readonly closed = output<void>();

  protected readonly roleId = signal<string | null>(null);
  protected readonly roles = toSignal(
    inject(RolesApi)
      .list(1, 100)
      .pipe(map((page) => page.items.filter((role) => role.builtIn !== 'super_admin'))),
    { initialValue: [] },
  );

  ngOnInit(): void {
    this.roleId.set(this.member().role?.id ?? null);
  }
}
