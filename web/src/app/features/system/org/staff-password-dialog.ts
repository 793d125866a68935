import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { StaffMember } from './org.models';

/** The server's rule (lib/contracts/role.contract.ts), checked here first so the person sees it at once. */
export function passwordProblem(password: string): string | null {
  if (!password) return '请输入密码';
  if (password.length < 8) return '密码至少8位';
  if (password.length > 64) return '密码最多64位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}

/** 重置密码 (I-10): an admin sets a staff member's password; their other sessions end. */
@Component({
  selector: 'app-staff-password-dialog',
  imports: [ReactiveFormsModule, NzModalModule, NzFormModule, NzInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="true"
      nzTitle="重置密码"
      nzOkText="确定"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      (nzOnOk)="submit()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <p>员工：{{ member().name }}</p>
        <input
          nz-input
          type="password"
          autocomplete="new-password"
          placeholder="8-64位，包含字母和数字"
          [formControl]="password"
          data-testid="staff-password-input"
        />
        @if (problem(); as problem) {
          <div class="problem" role="alert">{{ problem }}</div>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .problem {
      color: #ff4d4f;
      margin-top: 8px;
    }
  `,
})
export class StaffPasswordDialog {
  readonly member = input.required<StaffMember>();
  readonly saving = input(false);
  readonly save = output<string>();
  readonly closed = output<void>();

  protected readonly password = inject(FormBuilder).nonNullable.control('');
  protected readonly problem = signal<string | null>(null);

  protected submit(): void {
    const problem = passwordProblem(this.password.value);
    this.problem.set(problem);
    if (!problem) this.save.emit(this.password.value);
  }
}
