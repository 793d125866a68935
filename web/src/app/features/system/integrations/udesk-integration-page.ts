import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSwitchModule } from 'ng-zorro-antd/switch';

import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../core/net/api-error';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { savedSecretHint } from '../wecom/binding-form';
import { IntegrationsApi } from './integrations-api';
import { INTEGRATIONS_INTRO, statusLabel, UdeskIntegration, udeskHost } from './integrations.models';

/**
 * 系统对接 → 对接 Udesk (R-7.5-02/03): 基本设置 checked against Udesk by 确定 before anything is saved; the
 * saved API token is never shown, only its last 4 characters.
 */
@Component({
  selector: 'app-udesk-integration-page',
  imports: [...SHARED_IMPORTS, FormsModule, NzAlertModule, NzSwitchModule],
  templateUrl: './udesk-integration-page.html',
  styleUrl: './integrations.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UdeskIntegrationPage implements OnInit {
  private readonly api = inject(IntegrationsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly intro = INTEGRATIONS_INTRO;
  protected readonly statusLabel = statusLabel;
  protected readonly savedHint = savedSecretHint;
  protected readonly canEdit = () => this.auth.can('system.integrations.edit');
  protected readonly integration = signal<UdeskIntegration | null>(null);
  protected readonly saving = signal(false);
  protected readonly switching = signal(false);
  /** Udesk's refusal (or why it could not be reached), as the api words it. */
  protected readonly rejection = signal<string | null>(null);

  protected readonly form = this.fb.group({
    domain: ['', Validators.required],
    adminEmail: ['', [Validators.required, Validators.email]],
    apiToken: [''],
  });

  ngOnInit(): void {
    this.api.udesk().subscribe((integration) => this.fill(integration));
  }

  private fill(integration: UdeskIntegration): void {
    this.integration.set(integration);
    this.rejection.set(null);
    this.form.reset({ domain: integration.domain, adminEmail: integration.adminEmail, apiToken: '' });
  }

  /** 取消: back to the card list; nothing typed is kept. */
  protected cancel(): void {
    void this.router.navigate(['/system/integrations']);
  }

  /** 确定: the api asks Udesk first and saves (switched on) only what Udesk accepted. */
  protected save(): void {
    if (this.saving()) return;
    const { domain, adminEmail, apiToken } = this.form.getRawValue();
    const tokenMissing = !apiToken.trim() && !this.integration()?.configured;
    if (this.form.invalid || tokenMissing) {
      Object.values(this.form.controls).forEach((control) => {
        control.markAsDirty();
        control.updateValueAndValidity();
      });
      this.message.warning(tokenMissing && this.form.valid ? '请输入API鉴权Token' : '请完整填写基本设置');
      return;
    }
    this.saving.set(true);
    this.rejection.set(null);
    this.api.saveUdesk({ domain: udeskHost(domain), adminEmail: adminEmail.trim(), apiToken }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.fill(saved);
        this.message.success('对接成功，已开启');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.rejection.set(apiErrorMessage(err));
      },
    });
  }

  protected toggle(): void {
    const current = this.integration();
    if (!current?.configured || !this.canEdit() || this.switching()) return;
    this.switching.set(true);
    this.api.switchUdesk(!current.enabled).subscribe({
      next: (saved) => {
        this.switching.set(false);
        this.integration.set(saved);
        this.message.success(saved.enabled ? '已开启' : '已关闭');
      },
      error: () => this.switching.set(false),
    });
  }
}
