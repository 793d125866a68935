import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../core/net/api-error';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';

/** Where a successful login lands: the shell's landing route opens the first menu the role may see (I-11). */
export const HOME_URL = '/';

/** 账号登录 with phone + password, and the 扫码登录 tab (R-1.2.x). No 注册 entry (R-1.1-01). */
@Component({
  selector: 'app-login-page',
  imports: [...SHARED_IMPORTS, NzAlertModule, NzTabsModule],
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    phone: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  /** The server's reason for refusing the login, shown above the form. */
  protected readonly error = signal<string | null>(null);

  protected logIn(): void {
    if (this.submitting()) return;
    const { phone, password } = this.form.getRawValue();
    this.form.setValue({ phone: phone.trim(), password });
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }

    this.error.set(null);
    this.submitting.set(true);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: (res) => {
        this.submitting.set(false);
        this.message.success(res.message || '登录成功');
        void this.router.navigateByUrl(HOME_URL);
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.error.set(apiErrorMessage(err));
      },
    });
  }
}
