import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../core/net/api-error';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { QR_CORP_ID_STORAGE_KEY, qrLoginStartUrl, readQrLoginReturn } from './qr-login';
import { RETURN_URL_PARAM, safeReturnUrl } from '../../../core/auth/return-url';

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

  private readonly document = inject(DOCUMENT);
  private readonly qrReturn = readQrLoginReturn(new URLSearchParams(this.document.location.search));
  /** The page the auth guard sent the visitor here from, if it is one of ours. */
  private readonly returnUrl = safeReturnUrl(
    new URLSearchParams(this.document.location.search).get(RETURN_URL_PARAM),
  );
  /** 0 账号登录, 1 扫码登录 (opened when the browser comes back from a refused QR login). */
  protected readonly tabIndex = signal(this.qrReturn.qrMode ? 1 : 0);
  protected readonly qrError = signal<string | null>(this.qrReturn.error);
  protected readonly qrForm = inject(FormBuilder).nonNullable.group({
    corpId: [
      this.qrReturn.corpId ?? this.document.defaultView?.localStorage.getItem(QR_CORP_ID_STORAGE_KEY) ?? '',
      Validators.required,
    ],
  });

  /** 扫码登录: off to WeCom's QR page for the corp; the 企业ID is remembered for next time. */
  protected startQrLogin(): void {
    const corpId = this.qrForm.controls.corpId.value.trim();
    if (!corpId) {
      this.qrForm.controls.corpId.markAsDirty();
      this.qrForm.controls.corpId.updateValueAndValidity();
      return;
    }
    this.document.defaultView?.localStorage.setItem(QR_CORP_ID_STORAGE_KEY, corpId);
    this.document.location.assign(qrLoginStartUrl(corpId));
  }

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
        void this.router.navigateByUrl(this.returnUrl ?? HOME_URL);
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.error.set(apiErrorMessage(err));
      },
    });
  }
}
