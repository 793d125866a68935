import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { apiErrorMessage } from '../../core/net/api-error';
import { H5SopApi } from './h5-sop-api';
import {
  CHANNEL_LABELS,
  copyTextOf,
  minuteOf,
  SopTodoContent,
  SopTodoDetail,
  SopTodoTarget,
  targetKindLabel,
} from './h5-sop.models';
import { jssdkFailureReason, WeComJssdk } from './wecom-jssdk';

const PAGE_SIZE = 20;

/**
 * One SOP 待办 (R-8.3-03 … 05, I-118): 任务名称, 发送时间, 执行类型, the contents with 复制, the 目标客户 (or
 * 目标群) with 聊天 (none for 朋友圈), and 我已完成, greyed once done.
 */
@Component({
  selector: 'app-h5-sop-todo-page',
  imports: [RouterLink, NzButtonModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    dl {
      display: grid;
      grid-template-columns: 72px 1fr;
      gap: 8px 4px;
    }
    dt {
      color: #999;
    }
    dd {
      margin: 0;
    }
    .content,
    .target {
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 10px;
      margin-bottom: 8px;
    }
    .content-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      color: #8c8c8c;
      font-size: 12px;
    }
    .content img,
    .content video {
      max-width: 100%;
      max-height: 200px;
      display: block;
      margin-top: 6px;
    }
    .text {
      white-space: pre-wrap;
      word-break: break-all;
    }
    .target {
      display: flex;
      align-items: center;
      gap: 10px;
    }
    .target img {
      width: 40px;
      height: 40px;
      border-radius: 4px;
      flex: none;
    }
    .who {
      flex: 1;
      min-width: 0;
    }
    .done {
      width: 100%;
      margin-top: 16px;
    }
    .problem {
      color: #8c8c8c;
      text-align: center;
      padding: 24px 0;
    }
  `,
  template: `
    <a routerLink="/h5/sop-todos">← 待办</a>
    @if (problem(); as text) {
      <p class="problem" role="alert" data-testid="h5-problem">{{ text }}</p>
    } @else if (todo(); as t) {
      <h3>发送内容</h3>
      <dl>
        <dt>任务名称</dt>
        <dd data-testid="h5-sop-task-name">{{ t.taskName }}</dd>
        <dt>发送时间</dt>
        <dd data-testid="h5-sop-due">{{ minute(t.dueAt) }}</dd>
        <dt>执行类型</dt>
        <dd data-testid="h5-sop-channel">{{ channelLabels[t.channel] }}</dd>
      </dl>
      @for (content of t.contents; track $index; let i = $index) {
        <div class="content" data-testid="h5-sop-content">
          <div class="content-head">
            <span>消息{{ i + 1 }}</span>
            <button nz-button nzSize="small" type="button" (click)="copy(content)" data-testid="h5-sop-copy">
              复制
            </button>
          </div>
          @if (content.title) {
            <div>
              <strong>{{ content.title }}</strong>
            </div>
          }
          @if (content.text) {
            <div class="text">{{ content.text }}</div>
          }
          @if (content.kind === 'link') {
            <div class="text">{{ content.url }}</div>
            @if (content.desc) {
              <div>{{ content.desc }}</div>
            }
          }
          @if (content.kind === 'video' && content.fileUrl) {
            <video [src]="content.fileUrl" controls></video>
          } @else if (content.fileUrl || content.picUrl) {
            <img [src]="content.fileUrl || content.picUrl" alt="" />
          }
        </div>
      }

      @if (t.channel === 'message') {
        <h3>{{ t.scopeKind === 'groups' ? '目标群' : '目标客户' }}（{{ total() }}）</h3>
        @for (target of targets(); track target.id) {
          <div class="target" data-testid="h5-sop-target">
            @if (target.avatar) {
              <img [src]="target.avatar" alt="" />
            }
            <div class="who">
              <div>
                {{ target.name || '-' }}
                @if (kindLabel(target.type); as label) {
                  <nz-tag [nzColor]="target.type === 1 ? 'green' : 'orange'">{{ label }}</nz-tag>
                }
              </div>
              <div>
                @for (tag of target.tags; track tag) {
                  <nz-tag>{{ tag }}</nz-tag>
                }
              </div>
            </div>
            <button
              nz-button
              nzSize="small"
              type="button"
              (click)="chat(t, target)"
              data-testid="h5-sop-chat"
            >
              聊天
            </button>
          </div>
        }
        @if (targets().length < total()) {
          <button nz-button type="button" (click)="loadTargets(t.id, page() + 1)">加载更多</button>
        }
      }

      <button
        nz-button
        nzType="primary"
        class="done"
        type="button"
        [disabled]="t.done"
        [nzLoading]="completing()"
        (click)="complete(t)"
        data-testid="h5-sop-complete"
      >
        {{ t.done ? '已完成' : '我已完成' }}
      </button>
    } @else {
      <p class="problem" data-testid="h5-loading">正在加载任务…</p>
    }
  `,
})
export class H5SopTodoPage implements OnInit {
  private readonly api = inject(H5SopApi);
  private readonly jssdk = inject(WeComJssdk);
  private readonly message = inject(NzMessageService);

  /** The route's :todoId. */
  readonly todoId = input.required<string>();

  protected readonly todo = signal<SopTodoDetail | null>(null);
  protected readonly problem = signal('');
  protected readonly targets = signal<SopTodoTarget[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly completing = signal(false);
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly minute = minuteOf;
  protected readonly kindLabel = targetKindLabel;

  ngOnInit(): void {
    this.api.detail(this.todoId()).subscribe({
      next: (todo) => {
        this.todo.set(todo);
        if (todo.channel === 'message') this.loadTargets(todo.id, 1);
      },
      error: (error: unknown) => this.problem.set(apiErrorMessage(error)),
    });
  }

  protected loadTargets(todoId: string, page: number): void {
    this.api.targets(todoId, page, PAGE_SIZE).subscribe((answer) => {
      this.targets.set(page === 1 ? answer.items : [...this.targets(), ...answer.items]);
      this.total.set(answer.total);
      this.page.set(page);
    });
  }

  protected async copy(content: SopTodoContent): Promise<void> {
    try {
      await navigator.clipboard.writeText(copyTextOf(content));
      this.message.success('已复制');
    } catch {
      this.message.error('复制失败，请长按内容手动复制');
    }
  }

  protected async chat(todo: SopTodoDetail, target: SopTodoTarget): Promise<void> {
    try {
      if (todo.scopeKind === 'groups') await this.jssdk.openGroupChat(target.id);
      else await this.jssdk.openCustomerChat(target.id);
    } catch (error) {
      this.message.error(`无法打开聊天：${jssdkFailureReason(error)}`);
    }
  }

  protected complete(todo: SopTodoDetail): void {
    this.completing.set(true);
    this.api.complete(todo.id).subscribe({
      next: () => {
        this.completing.set(false);
        this.todo.set({ ...todo, done: true, doneAt: new Date().toISOString() });
        this.message.success('已完成');
      },
      error: () => this.completing.set(false),
    });
  }
}
