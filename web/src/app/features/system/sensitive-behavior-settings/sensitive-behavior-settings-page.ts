import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { StaffSelect } from '../org/staff-select';
import {
  AuditedParty,
  BEHAVIOR_OPTIONS,
  PARTY_OPTIONS,
  SensitiveBehavior,
  SensitiveBehaviorSettings,
  settingsError,
} from './sensitive-behavior-settings.models';

const URL = '/api/sensitive-behavior-settings';

/** 系统配置 → 敏感行为设置 → 敏感行为监控: watched behaviours, audited staff, whom to notify. */
@Component({
  selector: 'app-sensitive-behavior-settings-page',
  imports: [...SHARED_IMPORTS, FormsModule, NzCheckboxModule, StaffSelect, IfPermittedDirective],
  templateUrl: './sensitive-behavior-settings-page.html',
  styles: `
    .panel {
      background: #fff;
      border-radius: 8px;
      padding: 16px 24px;
    }
    .intro {
      color: rgba(0, 0, 0, 0.45);
      margin-bottom: 16px;
    }
    .row {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      margin-bottom: 20px;
    }
    .label {
      width: 120px;
      flex: none;
      text-align: right;
      color: rgba(0, 0, 0, 0.85);
    }
    .column {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .picker {
      width: 420px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      margin-left: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SensitiveBehaviorSettingsPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly message = inject(NzMessageService);

  protected readonly behaviorOptions = BEHAVIOR_OPTIONS;
  protected readonly partyOptions = PARTY_OPTIONS;
  protected readonly settings = signal<SensitiveBehaviorSettings | null>(null);
  protected readonly saving = signal(false);

  ngOnInit(): void {
    this.http.get<SensitiveBehaviorSettings>(URL).subscribe((settings) => this.settings.set(settings));
  }

  protected has<T extends string>(list: readonly T[], value: T): boolean {
    return list.includes(value);
  }

  protected toggleBehavior(value: SensitiveBehavior, checked: boolean): void {
    this.patch({ behaviors: this.toggled(this.settings()!.behaviors, value, checked) });
  }

  protected toggleParty(value: AuditedParty, checked: boolean): void {
    this.patch({ auditedParties: this.toggled(this.settings()!.auditedParties, value, checked) });
  }

  protected patch(change: Partial<SensitiveBehaviorSettings>): void {
    this.settings.update((current) => (current ? { ...current, ...change } : current));
  }

  protected save(): void {
    const settings = this.settings();
    if (!settings) return;
    const error = settingsError(settings);
    if (error) {
      this.message.warning(error);
      return;
    }
    this.saving.set(true);
    this.http.put<SensitiveBehaviorSettings>(URL, settings).subscribe({
      next: (saved) => {
        this.settings.set(saved);
        this.saving.set(false);
        this.message.success('保存成功');
      },
      error: () => this.saving.set(false),
    });
  }

  private toggled<T>(list: readonly T[], value: T, checked: boolean): T[] {
    const rest = list.filter((item) => item !== value);
    return checked ? [...rest, value] : rest;
  }
}
