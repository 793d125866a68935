import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { formatDateTime } from '../../core/format/date-time';
import { apiErrorMessage } from '../../core/net/api-error';
import { ServerTable } from '../../shared/server-table/server-table';
import { ServerTableDirective } from '../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../shared/shared-imports';
import { WecomHealth } from '../system/wecom/wecom-binding.models';
import { WecomHealthPanel } from '../system/wecom/wecom-health-panel';
import { PlatformApi } from './platform-api';
import { PHASE_LABELS, PlatformOperator, TenantSummary } from './platform.models';
import {
  expiresAfterEffective,
  MOBILE_PATTERN,
  TENANT_ID_PATTERN,
  TenantFormValue,
  toChangeTenantRequest,
  toOpenTenantRequest,
} from './tenant-form';

/** The operator console's tenant list: open tenants, change their seats and validity (R-1.1-02, I-08). */
@Component({
  selector: 'app-tenants-page',
  imports: [
    ...SHARED_IMPORTS,
    NzAlertModule,
    NzDatePickerModule,
    NzDrawerModule,
    NzInputNumberModule,
    NzModalModule,
    NzTableModule,
    ServerTableDirective,
    NzTagModule,
    WecomHealthPanel,
  ],
  templateUrl: './tenants-page.html',
  styleUrl: './platform.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenantsPage implements OnInit {
  private readonly api = inject(PlatformApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);

  protected readonly phases = PHASE_LABELS;
  protected readonly formatDateTime = formatDateTime;
  protected readonly operator = signal<PlatformOperator | null>(null);
  protected readonly list = new ServerTable<TenantSummary, null>({
    filters: null,
    fetch: ({ page, pageSize }) => this.api.tenants(page, pageSize),
  });

  /** The tenant being changed, or null while opening a new one; the dialog is shown while `dialogOpen`. */
  protected readonly editing = signal<TenantSummary | null>(null);
  /** The tenant whose WeCom health drawer is open, and its numbers once loaded. */
  protected readonly healthOf = signal<TenantSummary | null>(null);
  protected readonly health = signal<WecomHealth | null>(null);
  protected readonly dialogOpen = signal(false);
  protected readonly saving = signal(false);
  protected readonly dialogError = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).group(
    {
      id: ['', [Validators.required, Validators.pattern(TENANT_ID_PATTERN)]],
      name: ['', [Validators.required, Validators.maxLength(64)]],
      seats: [10 as number | null, [Validators.required, Validators.min(1)]],
      effectiveAt: [null as Date | null, Validators.required],
      expiresAt: [null as Date | null, Validators.required],
      adminName: ['', [Validators.required, Validators.maxLength(64)]],
      adminMobile: ['', [Validators.required, Validators.pattern(MOBILE_PATTERN)]],
      adminPassword: ['', [Validators.required, Validators.minLength(8)]],
    },
    { validators: expiresAfterEffective },
  );

  ngOnInit(): void {
    this.api.me().subscribe((operator) => this.operator.set(operator));
    this.list.reload();
  }

  protected openHealth(tenant: TenantSummary): void {
    this.healthOf.set(tenant);
    this.health.set(null);
    this.api.wecomHealth(tenant.id).subscribe((health) => this.health.set(health));
  }

  protected openNew(): void {
    this.editing.set(null);
    const now = new Date();
    const inAYear = new Date(now);
    inAYear.setFullYear(now.getFullYear() + 1);
    this.form.reset({ seats: 10, effectiveAt: now, expiresAt: inAYear });
    for (const name of ['id', 'name', 'adminName', 'adminMobile', 'adminPassword'] as const) {
      this.form.controls[name].enable();
    }
    this.dialogError.set(null);
    this.dialogOpen.set(true);
  }

  protected openChange(tenant: TenantSummary): void {
    this.editing.set(tenant);
    this.form.reset({
      id: tenant.id,
      name: tenant.name,
      seats: tenant.seats,
      effectiveAt: new Date(tenant.effectiveAt),
      expiresAt: new Date(tenant.expiresAt),
    });
    // Only seats and validity change after opening; the rest is shown read-only.
    for (const name of ['id', 'name', 'adminName', 'adminMobile', 'adminPassword'] as const) {
      this.form.controls[name].disable();
    }
    this.dialogError.set(null);
    this.dialogOpen.set(true);
  }

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      if (this.form.errors?.['expiresBeforeEffective']) this.dialogError.set('到期时间须晚于生效时间');
      return;
    }
    const value = this.form.getRawValue() as TenantFormValue;
    const before = this.editing();
    const request = before
      ? this.api.change(before.id, toChangeTenantRequest(before, value))
      : this.api.open(toOpenTenantRequest(value));
    this.saving.set(true);
    this.dialogError.set(null);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.dialogOpen.set(false);
        this.message.success(before ? '已保存' : '企业已开通');
        this.list.reload();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.dialogError.set(apiErrorMessage(err));
      },
    });
  }

  protected logout(): void {
    this.api.logout().subscribe(() => void this.router.navigateByUrl('/platform/login'));
  }
}
