import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { Observable } from 'rxjs';

import { apiErrorMessage } from '../../../core/net/api-error';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { RoleOption, StaffDetail, StaffFields } from './org.models';
import { StaffFieldErrors, staffFieldErrors, staffPayload } from './staff-form';
import { titleAsText } from '../../../shared/html-text';

export interface StaffFormDialogData {
  mode: 'create' | 'edit';
  fields: StaffFields;
  departmentNodes: NzTreeNodeOptions[];
  roles: RoleOption[];
  save: (payload: Partial<StaffFields>) => Observable<StaffDetail>;
}

/** 新建员工, and 编辑 with the same fields and 帐号 read-only (R-7.1.3-01, I-100). */
@Component({
  selector: 'app-staff-form-dialog',
  imports: [
    ...SHARED_IMPORTS,
    NzAlertModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    NzTooltipModule,
    NzTreeSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (serverError(); as error) {
      <nz-alert
        nzType="error"
        [nzMessage]="error"
        nzShowIcon
        class="server-error"
        data-testid="staff-form-error"
      />
    }
    <form nz-form [formGroup]="form" nzLayout="horizontal" data-testid="staff-form">
      <nz-form-item>
        <nz-form-label [nzSpan]="5" nzRequired>姓名</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().name ? 'error' : ''"
          [nzErrorTip]="errors().name"
        >
          <input nz-input formControlName="name" placeholder="请输入姓名" data-testid="staff-form-name" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5">别名</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().alias ? 'error' : ''"
          [nzErrorTip]="errors().alias"
        >
          <input nz-input formControlName="alias" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5" nzRequired nzTooltipTitle="成员在企业微信中的唯一标识，创建后不能修改"
          >帐号</nz-form-label
        >
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().userid ? 'error' : ''"
          [nzErrorTip]="errors().userid"
        >
          <input
            nz-input
            formControlName="userid"
            [readonly]="data.mode === 'edit'"
            data-testid="staff-form-userid"
          />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5">性别</nz-form-label>
        <nz-form-control [nzSpan]="17">
          <nz-radio-group formControlName="gender">
            <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
            <label nz-radio nzValue="1">男</label>
            <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
            <label nz-radio nzValue="2">女</label>
          </nz-radio-group>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5" nzRequired>手机</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().mobile ? 'error' : ''"
          [nzErrorTip]="errors().mobile"
          nzExtra="成员通过验证该手机后可加入企业"
        >
          <nz-input-wrapper nzAddOnBefore="+86">
            <input nz-input formControlName="mobile" data-testid="staff-form-mobile" />
          </nz-input-wrapper>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5">座机</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().telephone ? 'error' : ''"
          [nzErrorTip]="errors().telephone"
        >
          <input nz-input formControlName="telephone" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5">邮箱</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().email ? 'error' : ''"
          [nzErrorTip]="errors().email"
        >
          <input nz-input formControlName="email" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5">地址</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().address ? 'error' : ''"
          [nzErrorTip]="errors().address"
        >
          <input nz-input formControlName="address" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5" nzRequired>部门</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().departmentIds ? 'error' : ''"
          [nzErrorTip]="errors().departmentIds"
        >
          <nz-tree-select
            formControlName="departmentKeys"
            [nzNodes]="data.departmentNodes"
            nzMultiple
            nzShowSearch
            nzDefaultExpandAll
            nzPlaceHolder="选择部门"
            data-testid="staff-form-departments"
            [nzDisplayWith]="titleAsText"
            [nzTreeTemplate]="plainNode"
          />
          <!-- Names as text: ng-zorro shows a node's title as HTML (shared/html-text.ts). -->
          <ng-template #plainNode let-node>{{ node.title }}</ng-template>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5">职务</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().position ? 'error' : ''"
          [nzErrorTip]="errors().position"
        >
          <input nz-input formControlName="position" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzSpan]="5" nzRequired>角色</nz-form-label>
        <nz-form-control
          [nzSpan]="17"
          [nzValidateStatus]="errors().roleId ? 'error' : ''"
          [nzErrorTip]="errors().roleId"
        >
          <nz-select formControlName="roleId" nzPlaceHolder="请选择角色" data-testid="staff-form-role">
            @for (role of data.roles; track role.id) {
              <nz-option [nzValue]="role.id" [nzLabel]="role.name" />
            }
          </nz-select>
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button (click)="cancel()">取消</button>
      <button
        nz-button
        nzType="primary"
        [nzLoading]="saving()"
        (click)="submit()"
        data-testid="staff-form-ok"
      >
        确定
      </button>
    </div>
  `,
  styles: `
    .server-error {
      margin-bottom: 16px;
    }
  `,
})
export class StaffFormDialog {
  protected readonly titleAsText = titleAsText;
  protected readonly data = inject<StaffFormDialogData>(NZ_MODAL_DATA);
  private readonly modalRef = inject(NzModalRef);

  protected readonly errors = signal<StaffFieldErrors>({});
  protected readonly serverError = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected readonly form = new FormGroup({
    name: new FormControl(this.data.fields.name, { nonNullable: true }),
    alias: new FormControl(this.data.fields.alias, { nonNullable: true }),
    userid: new FormControl(this.data.fields.userid, { nonNullable: true }),
    gender: new FormControl(this.data.fields.gender, { nonNullable: true }),
    mobile: new FormControl(this.data.fields.mobile, { nonNullable: true }),
    telephone: new FormControl(this.data.fields.telephone, { nonNullable: true }),
    email: new FormControl(this.data.fields.email, { nonNullable: true }),
    address: new FormControl(this.data.fields.address, { nonNullable: true }),
    // nz-tree-select works with string keys; the first one chosen is the main department.
    departmentKeys: new FormControl(this.data.fields.departmentIds.map(String), { nonNullable: true }),
    position: new FormControl(this.data.fields.position, { nonNullable: true }),
    roleId: new FormControl(this.data.fields.roleId, { nonNullable: true }),
  });

  protected cancel(): void {
    this.modalRef.close(null);
  }

  protected submit(): void {
    const { departmentKeys, ...rest } = this.form.getRawValue();
    const fields: StaffFields = {
      ...rest,
      departmentIds: departmentKeys.map(Number).filter(Number.isInteger),
    };
    const errors = staffFieldErrors(fields);
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) return;
    this.saving.set(true);
    this.serverError.set(null);
    this.data.save(staffPayload(fields, this.data.mode)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.modalRef.close(saved);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.serverError.set(apiErrorMessage(err));
      },
    });
  }
}
