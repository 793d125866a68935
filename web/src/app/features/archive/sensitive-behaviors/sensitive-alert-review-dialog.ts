import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  model,
  output,
  signal,
  effect,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { formatDateTime } from '../../../core/format/date-time';
import { apiErrorMessage } from '../../../core/net/api-error';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import {
  highlightParts,
  STATUS_LABELS,
  type AlertStatus,
  type SensitiveAlert,
  type SensitiveAlertContext,
} from './sensitive-alerts.models';

/**
 * 审核 / 重新审核: the conversation around the hit (5 messages either side, hit words red),
 * a note of up to 200 characters, and 违规属实 or 移除预警.
 */
@Component({
  selector: 'app-sensitive-alert-review-dialog',
  imports: [...SHARED_IMPORTS, FormsModule, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .message {
      padding: 6px 8px;
      border-radius: 4px;
    }
    .message.current {
      background: #fff1f0;
    }
    .meta {
      color: #8c8c8c;
      font-size: 12px;
    }
    .hit {
      color: #f5222d;
    }
    .conversation {
      max-height: 360px;
      overflow: auto;
      margin-bottom: 12px;
    }
  `,
  template: `
    <nz-modal
      [nzVisible]="open()"
      [nzTitle]="alert()?.status === 'pending' ? '审核' : '重新审核'"
      [nzFooter]="footer"
      (nzOnCancel)="open.set(false)"
    >
      <ng-container *nzModalContent>
        @if (alert()?.status !== 'pending') {
          <p data-testid="sensitive-review-current">
            当前结果：{{ statusLabels[alert()!.status] }}（{{ alert()!.reviewerName }}）{{
              alert()!.reviewNote
            }}
          </p>
        }
        <div class="conversation" data-testid="sensitive-review-context">
          @for (message of context()?.messages ?? []; track message.id) {
            <div class="message" [class.current]="message.hit">
              <div class="meta">{{ message.senderName }} {{ formatDateTime(message.msgtime) }}</div>
              @for (part of partsOf(message.content, message.hit); track $index) {
                <span [class.hit]="part.hit">{{ part.text }}</span>
              }
            </div>
          } @empty {
            <p class="meta">没有可显示的聊天记录</p>
          }
        </div>
        <textarea
          nz-input
          rows="3"
          maxlength="200"
          placeholder="备注（选填，200字以内）"
          [(ngModel)]="note"
          data-testid="sensitive-review-note"
        ></textarea>
      </ng-container>
      <ng-template #footer>
        <button
          nz-button
          (click)="submit('dismissed')"
          [nzLoading]="saving()"
          data-testid="sensitive-review-dismiss"
        >
          移除预警
        </button>
        <button
          nz-button
          nzType="primary"
          nzDanger
          (click)="submit('violation')"
          [nzLoading]="saving()"
          data-testid="sensitive-review-violation"
        >
          违规属实
        </button>
      </ng-template>
    </nz-modal>
  `,
})
export class SensitiveAlertReviewDialog {
  private readonly http = inject(HttpClient);
  private readonly messages = inject(NzMessageService);

  readonly open = model(false);
  readonly alert = input<SensitiveAlert | null>(null);
  readonly reviewed = output<void>();

  protected readonly context = signal<SensitiveAlertContext | null>(null);
  protected readonly saving = signal(false);
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly formatDateTime = formatDateTime;
  protected note = '';

  constructor() {
    effect(() => {
      const alert = this.alert();
      if (!this.open() || !alert) return;
      this.note = alert.reviewNote;
      this.context.set(null);
      this.http
        .get<SensitiveAlertContext>(`/api/sensitive-alerts/${encodeURIComponent(alert.id)}/context`)
        .subscribe((context) => this.context.set(context));
    });
  }

  /** Only the hit message marks the words: the others show as they were written. */
  protected partsOf(content: string, hit: boolean) {
    return highlightParts(content, hit ? (this.context()?.words ?? []) : []);
  }

  protected submit(verdict: Exclude<AlertStatus, 'pending'>): void {
    const alert = this.alert();
    if (!alert) return;
    this.saving.set(true);
    this.http
      .post(`/api/sensitive-alerts/${encodeURIComponent(alert.id)}/review`, { verdict, note: this.note })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.messages.success('审核完成');
          this.open.set(false);
          this.reviewed.emit();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.messages.error(apiErrorMessage(error));
        },
      });
  }
}
