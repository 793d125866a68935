import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormArray, FormBuilder, FormControl, FormGroup, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { BindingFormValue, failuresByField, savedSecretHint, toSaveRequest } from './binding-form';
import { SETUP_GUIDE } from './setup-guide';
import { WecomBindingApi } from './wecom-binding-api';
import { WecomHealthPanel } from './wecom-health-panel';
import {
  BindingField,
  CallbackSettings,
  DoctorReport,
  WecomBinding,
  WecomHealth,
} from './wecom-binding.models';

type ArchiveKeyGroup = FormGroup<{
  version: FormControl<number | null>;
  privateKey: FormControl<string>;
  /** A version already saved: its PEM may stay empty (keep the saved key). */
  saved: FormControl<boolean>;
}>;

/** 企微绑定: the binding form with copyable callback settings, 体检 and the WeCom health panel. */
@Component({
  selector: 'app-wecom-binding-page',
  imports: [
    ...SHARED_IMPORTS,
    IfPermittedDirective,
    WecomHealthPanel,
    NzAlertModule,
    NzCardModule,
    NzDividerModule,
    NzDrawerModule,
    NzInputNumberModule,
    NzSpinModule,
    NzTabsModule,
    NzTagModule,
  ],
  templateUrl: './wecom-binding-page.html',
  styleUrl: './wecom-binding-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WecomBindingPage implements OnInit {
  private readonly api = inject(WecomBindingApi);
  private readonly message = inject(NzMessageService);
  private readonly clipboard = inject(Clipboard);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly guide = SETUP_GUIDE;
  /** 通讯录同步 and 外部联系人同步 share one layout: a secret, then the settings to copy into WeCom. */
  protected readonly callbackSections = [
    { title: '通讯录同步', source: 'contacts', field: 'contactsSecret', label: '通讯录密钥' },
    { title: '外部联系人同步', source: 'customers', field: 'externalContactSecret', label: '外部联系人密钥' },
  ] as const;
  protected readonly guideOpen = signal(false);
  protected readonly binding = signal<WecomBinding | null>(null);
  protected readonly saving = signal(false);
  protected readonly failures = signal<Partial<Record<BindingField, string>>>({});
  protected readonly doctor = signal<DoctorReport | null>(null);
  protected readonly checking = signal(false);
  protected readonly health = signal<WecomHealth | null>(null);
  protected readonly savedHint = savedSecretHint;
  protected readonly formatDateTime = formatDateTime;

  protected readonly form = this.fb.group({
    corpId: ['', Validators.required],
    contactsSecret: [''],
    externalContactSecret: [''],
    archiveSecret: [''],
    archiveKeys: this.fb.array<ArchiveKeyGroup>([]),
    appName: [''],
    agentId: this.fb.control<number | null>(null, Validators.required),
    appSecret: [''],
  });

  ngOnInit(): void {
    this.reload();
    this.loadHealth();
  }

  protected get archiveKeys(): FormArray<ArchiveKeyGroup> {
    return this.form.controls.archiveKeys;
  }

  private archiveKeyGroup(version: number | null, saved: boolean): ArchiveKeyGroup {
    return this.fb.group({
      version: this.fb.control<number | null>(version, Validators.required),
      privateKey: [''],
      saved: [saved],
    });
  }

  protected addArchiveKey(): void {
    const highest = Math.max(0, ...this.archiveKeys.controls.map((c) => c.controls.version.value ?? 0));
    this.archiveKeys.push(this.archiveKeyGroup(highest + 1, false));
  }

  /** The public half of the last generated pair, to upload to WeCom; the private half is in its key row. */
  protected readonly generatedPublicKey = signal<string | null>(null);

  protected generateKeyPair(): void {
    this.api.generateKeyPair().subscribe(({ publicKey, privateKey }) => {
      this.addArchiveKey();
      this.archiveKeys.at(this.archiveKeys.length - 1).controls.privateKey.setValue(privateKey);
      this.generatedPublicKey.set(publicKey);
    });
  }

  protected removeArchiveKey(index: number): void {
    this.archiveKeys.removeAt(index);
  }

  /** 取消: back to what is saved; a generated key pair that was not saved is dropped with its public half. */
  protected reload(): void {
    this.generatedPublicKey.set(null);
    this.api.binding().subscribe((binding) => this.fill(binding));
  }

  private fill(binding: WecomBinding): void {
    this.binding.set(binding);
    this.failures.set({});
    this.form.reset({
      corpId: binding.corpId,
      appName: binding.app.name,
      agentId: binding.app.agentId,
    });
    this.archiveKeys.clear();
    for (const key of binding.archive.keys) this.archiveKeys.push(this.archiveKeyGroup(key.version, true));
  }

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      for (const control of [this.form.controls.corpId, this.form.controls.agentId]) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }
    this.saving.set(true);
    this.failures.set({});
    this.api.save(toSaveRequest(this.form.getRawValue() as BindingFormValue)).subscribe({
      next: (binding) => {
        this.saving.set(false);
        this.fill(binding);
        this.message.success('保存成功，各项密钥已通过企业微信校验');
        this.loadHealth();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const byField = failuresByField(err);
        if (byField) {
          this.failures.set(byField);
          this.message.error('保存失败：企业微信校验未通过，已保存的配置未改动');
        }
      },
    });
  }

  protected copyables(settings: CallbackSettings): Array<{ label: string; value: string }> {
    return [
      { label: 'Token', value: settings.token },
      { label: 'EncodingAESKey', value: settings.encodingAesKey },
      { label: '事件回调URL', value: settings.callbackUrl },
    ];
  }

  protected copy(text: string, what: string): void {
    if (this.clipboard.copy(text)) this.message.success(`${what}已复制`);
    else this.message.error('复制失败，请手动选择复制');
  }

  protected runDoctor(): void {
    if (this.checking()) return;
    this.checking.set(true);
    this.api.doctor().subscribe({
      next: (report) => {
        this.checking.set(false);
        this.doctor.set(report);
        this.loadHealth();
      },
      error: () => this.checking.set(false),
    });
  }

  protected loadHealth(): void {
    this.api.health().subscribe((health) => this.health.set(health));
  }
}
