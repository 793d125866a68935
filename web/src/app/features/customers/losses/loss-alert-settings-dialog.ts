import { ChangeDetectionStrategy, Component, effect, inject, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSwitchModule } from 'ng-zorro-antd/switch';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { StaffSelect } from '../../system/org/staff-select';
import { CustomerLossesApi } from './customer-losses-api';
import { LossAlertSettings } from './customer-losses.models';

/**
 * 流失提醒设置: whether a loss is alerted at all, whether the member concerned is told, and the managers told
 * of every loss (picked with the admin's one 员工 picker).
 */
@Component({
  selector: 'app-loss-alert-settings-dialog',
  imports: [...SHARED_IMPORTS, FormsModule, NzCheckboxModule, NzModalModule, NzSwitchModule, StaffSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .row {
      display: flex;
      gap: 16px;
      align-items: center;
      margin-bottom: 20px;
    }
    .label {
      width: 100px;
      flex: none;
      text-align: right;
    }
    .picker {
      flex: 1;
    }
  `,
  template: `
    <nz-modal
      [nzVisible]="open()"
      nzTitle="流失提醒设置"
      nzOkText="保存"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      [nzOkDisabled]="!settings()"
      (nzOnOk)="save()"
      (nzOnCancel)="open.set(false)"
    >
      <ng-container *nzModalContent>
        @if (settings(); as current) {
          <div class="row">
            <span class="label">流失提醒：</span>
            <nz-switch
              [ngModel]="current.enabled"
              (ngModelChange)="patch({ enabled: $event })"
              data-testid="loss-alert-enabled"
            />
          </div>
          <div class="row">
            <span class="label">通知员工本人：</span>
            <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
            <label
              nz-checkbox
              [ngModel]="current.notifyMember"
              (ngModelChange)="patch({ notifyMember: $event })"
              data-testid="loss-alert-notify-member"
              >客户流失时通知该员工</label
            >
          </div>
          <div class="row">
            <span class="label">通知的管理者：</span>
            <app-staff-select
              class="picker"
              multiple
              testId="loss-alert-managers"
              [ngModel]="current.managerUserids"
              (ngModelChange)="patch({ managerUserids: $event })"
            />
          </div>
        }
      </ng-container>
    </nz-modal>
  `,
})
export class LossAlertSettingsDialog {
  private readonly api = inject(CustomerLossesApi);
  private readonly message = inject(NzMessageService);

  readonly open = model(false);
  protected readonly settings = signal<LossAlertSettings | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    // Read afresh on every opening, so a cancelled edit never lingers.
    effect(() => {
      if (!this.open()) return;
      this.settings.set(null);
      this.api.alertSettings().subscribe((settings) => this.settings.set(settings));
    });
  }

  protected patch(change: Partial<LossAlertSettings>): void {
    this.settings.update((current) => (current ? { ...current, ...change } : current));
  }

  protected save(): void {
    const settings = this.settings();
    if (!settings) return;
    this.saving.set(true);
    this.api.saveAlertSettings(settings).subscribe({
      next: () => {
        this.saving.set(false);
        this.message.success('保存成功');
        this.open.set(false);
      },
      error: () => this.saving.set(false),
    });
  }
}
