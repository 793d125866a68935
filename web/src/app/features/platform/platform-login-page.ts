import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';

import { apiErrorMessage } from '../../core/net/api-error';
import { SHARED_IMPORTS } from '../../shared/shared-imports';
import { PlatformApi } from './platform-api';

/** 系统管理操作后台 sign-in for platform operators (R-1.1-02): their own accounts, not a tenant's staff. */
@Component({
  selector: 'app-platform-login-page',
  imports: [...SHARED_IMPORTS, NzAlertModule],
  templateUrl: './platform-login-page.html',
  styleUrl: './platform.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlatformLoginPage {
  private readonly api = inject(PlatformApi);
  private readonly router = inject(Router);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected logIn(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.error.set(null);
    this.submitting.set(true);
    this.api.login(username.trim(), password).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.router.navigateByUrl('/platform/tenants');
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.error.set(apiErrorMessage(err));
      },
    });
  }
}
