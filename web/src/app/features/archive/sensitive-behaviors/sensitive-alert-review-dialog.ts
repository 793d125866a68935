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
import { NzSelectModule } from 'ng-zorro-antd/select';

import { formatDateTime } from '../../../core/format/date-time';
import { apiErrorMessage } from '../../../core/net/api-error';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { Undelivered } from '../../../shared/undelivered/undelivered';
import {
  BEHAVIOR_LABELS,
  highlightParts,
  VERDICT_LABELS,
  type SensitiveAlert,
  type SensitiveAlertContext,
  type Verdict,
} from './sensitive-alerts.models';

/**
 * 敏感行为审核: 基本信息 and 审计处理 (预警处理, 备注 ≤200) on the left, the conversation around the
 * hit on the right (5 messages either side, the hit drawn as an alert, its words red). 审核 and 编辑 save
 * with 确定; 查看 only shows.
 */
@Component({
  selector: 'app-sensitive-alert-review-dialog',
  imports: [...SHARED_IMPORTS, FormsModule, NzModalModule, NzSelectModule, Undelivered],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .body {
      display: flex;
      gap: 24px;
    }
    .side {
      width: 300px;
      flex: none;
    }
    .side h4 {
      margin: 0 0 8px;
      font-weight: 600;
    }
    .fact {
      display: flex;
      margin-bottom: 6px;
    }
    .fact .name {
      width: 88px;
      flex: none;
      color: #8c8c8c;
    }
    .field {
      margin-bottom: 12px;
    }
    .verdict {
      width: 100%;
    }
    .required::before {
      content: '*';
      color: #f5222d;
      margin-right: 4px;
    }
    .conversation {
      flex: 1;
      max-height: 420px;
      overflow: auto;
    }
    .message {
      padding: 6px 8px;
      border-radius: 4px;
    }
    .message.current {
      background: #fff1f0;
      border: 1px solid #ffa39e;
    }
    .meta {
      color: #8c8c8c;
      font-size: 12px;
    }
    .hit {
      color: #f5222d;
    }
  `,
  template: `
    <nz-modal
      [nzVisible]="open()"
      nzTitle="敏感行为审核"
      [nzWidth]="900"
      [nzFooter]="footer"
      (nzOnCancel)="open.set(false)"
    >
      <ng-container *nzModalContent>
        @if (alert(); as current) {
          <div class="body" data-testid="sensitive-review-dialog">
            <div class="side">
              <h4>基本信息</h4>
              <div class="fact"><span class="name">发送人姓名</span>{{ current.senderName }}</div>
              <div class="fact">
                <span class="name">发送人类别</span>{{ current.senderType === 'staff' ? '员工' : '客户' }}
              </div>
              <div class="fact"><span class="name">敏感行为</span>{{ behaviorLabels[current.behavior] }}</div>
              <div class="fact">
                <span class="name">触发时间</span>{{ formatDateTime(current.triggeredAt) }}
              </div>
              <div class="fact"><span class="name">好友/群名称</span>{{ current.chatName || '-' }}</div>
              @if (context()?.noticeUndelivered?.length) {
                <div class="fact">
                  <span class="name">预警通知</span>
                  <app-undelivered
                    [recipients]="context()!.noticeUndelivered"
                    message="预警通知"
                    data-testid="sensitive-review-undelivered"
                  />
                </div>
              }
              <h4>审计处理</h4>
              <div class="field">
                <div class="required">预警处理</div>
                <nz-select
                  class="verdict"
                  nzPlaceHolder="请选择"
                  [nzDisabled]="readOnly()"
                  [(ngModel)]="verdict"
                  data-testid="sensitive-review-verdict"
                >
                  @for (option of verdicts; track option[0]) {
                    <nz-option [nzValue]="option[0]" [nzLabel]="option[1]" />
                  }
                </nz-select>
              </div>
              <div class="field">
                <div>备注</div>
                <textarea
                  nz-input
                  rows="4"
                  maxlength="200"
                  placeholder="请输入描述"
                  [disabled]="readOnly()"
                  [(ngModel)]="note"
                  data-testid="sensitive-review-note"
                ></textarea>
              </div>
            </div>
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
          </div>
        }
      </ng-container>
      <ng-template #footer>
        @if (readOnly()) {
          <button nz-button (click)="open.set(false)">关闭</button>
        } @else {
          <button nz-button (click)="open.set(false)">取消</button>
          <button
            nz-button
            nzType="primary"
            (click)="submit()"
            [nzLoading]="saving()"
            data-testid="sensitive-review-confirm"
          >
            确定
          </button>
        }
      </ng-template>
    </nz-modal>
  `,
})
export class SensitiveAlertReviewDialog {
  private readonly http = inject(HttpClient);
  private readonly messages = inject(NzMessageService);

  readonly open = model(false);
  readonly alert = input<SensitiveAlert | null>(null);
  /** 查看: the latest review, not editable. */
  readonly readOnly = input(false);
  readonly reviewed = output<void>();

  protected readonly context = signal<SensitiveAlertContext | null>(null);
  protected readonly saving = signal(false);
  protected readonly behaviorLabels = BEHAVIOR_LABELS;
  protected readonly verdicts = Object.entries(VERDICT_LABELS) as Array<[Verdict, string]>;
  protected readonly formatDateTime = formatDateTime;
  protected verdict: Verdict | null = null;
  protected note = '';

  constructor() {
    effect(() => {
      const alert = this.alert();
      if (!this.open() || !alert) return;
      // 编辑 starts from the latest review (R-5.3.2-04).
      this.verdict = alert.status === 'pending' ? null : alert.status;
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

  protected submit(): void {
    const alert = this.alert();
    if (!alert) return;
    if (!this.verdict) {
      this.messages.warning('请选择预警处理');
      return;
    }
    this.saving.set(true);
    this.http
      .post(`/api/sensitive-alerts/${encodeURIComponent(alert.id)}/review`, {
        verdict: this.verdict,
        note: this.note,
      })
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
