import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, model, signal } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { apiErrorMessage, callerShowsErrors } from '../../../core/net/api-error';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { newPasswordProblem } from './password-rule';

/**
 * 修改密码 (I-10): after a first 扫码登录 a staff member has no password yet and leaves 当前密码 empty;
 * the api asks for it when one is set.
 */
@Component({
  selector: 'app-own-password-dialog',
  imports: [...SHARED_IMPORTS, NzModalModule, NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="open()"
      nzTitle="设置/修改密码"
      nzOkText="保存"
      [nzOkLoading]="saving()"
      (nzOnOk)="save()"
      (nzOnCancel)="open.set(false)"
    >
      <ng-container *nzModalContent>
        @if (error(); as error) {
          <nz-alert
            nzType="error"
            nzShowIcon
            [nzMessage]="error"
            class="error"
            data-testid="own-password-error"
          />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form">
          <nz-form-item>
            <nz-form-label>当前密码</nz-form-label>
            <nz-form-control nzExtra="扫码登录后首次设置密码时留空">
              <input
                nz-input
                type="password"
                formControlName="currentPassword"
                autocomplete="current-password"
                data-testid="own-password-current"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired>新密码</nz-form-label>
            <nz-form-control nzExtra="至少8位，同时包含字母和数字">
              <input
                nz-input
                type="password"
                formControlName="newPassword"
                autocomplete="new-password"
                data-testid="own-password-new"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired>确认新密码</nz-form-label>
            <nz-form-control>
              <input
                nz-input
                type="password"
                formControlName="confirmPassword"
                autocomplete="new-password"
                data-testid="own-password-confirm"
              />
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .error {
      margin-bottom: 16px;
    }
  `,
})
export class OwnPasswordDialog {
  private readonly http = inject(HttpClient);
  private readonly message = inject(NzMessageService);

  readonly open = model(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    currentPassword: [''],
    newPassword: ['', Validators.required],
    confirmPassword: ['', Validators.required],
  });

  protected save(): void {
    const { currentPassword, newPassword, confirmPassword } = this.form.getRawValue();
    const problem = newPasswordProblem(newPassword, confirmPassword);
    this.error.set(problem);
    if (problem || this.saving()) return;
    this.saving.set(true);
    this.http
      .put<void>(
        '/api/auth/password',
        { newPassword, ...(currentPassword ? { currentPassword } : {}) },
        { context: callerShowsErrors([400]) },
      )
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.form.reset();
          this.open.set(false);
          this.message.success('密码已保存，其他设备上的登录已退出');
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.error.set(apiErrorMessage(err));
        },
      });
  }
}
