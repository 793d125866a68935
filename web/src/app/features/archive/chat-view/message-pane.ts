import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';

import { formatDateTime } from '../../../core/format/date-time';
import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { ArchiveApi } from '../messages/archive-api';
import { ArchiveMessage, MessageFilters } from '../messages/archive.models';
import { keywordSegments, messageText } from '../messages/archive-texts';

/**
 * One conversation's messages (R-5.1.1-10): opens at the newest, loads older ones on scrolling up (加载更早的消息,
 * then 没有更多了), marks the keyword. Reloads when the conversation or the filters change. Shared by 内容存档,
 * 客户详情 → 企微会话记录 and the H5 side panel.
 */
@Component({
  selector: 'app-archive-message-pane',
  imports: [ListEmpty],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: flex;
      flex: 1;
      min-height: 0;
    }
    .pane {
      flex: 1;
      overflow: auto;
      background: #fafafa;
      padding: 8px;
    }
    .more {
      text-align: center;
      color: #8c8c8c;
      font-size: 12px;
      padding: 4px;
    }
    .message {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      margin: 8px 0;
    }
    .message.mine {
      align-items: flex-end;
    }
    .meta {
      color: #8c8c8c;
      font-size: 12px;
    }
    .bubble {
      background: #fff;
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 6px 10px;
      max-width: 80%;
      white-space: pre-wrap;
      word-break: break-word;
    }
    .message.mine .bubble {
      background: #d6f5d6;
    }
    mark {
      background: #ffe58f;
      padding: 0;
    }
  `,
  template: `
    <div class="pane" #pane (scroll)="scrolled($event)" data-testid="archive-pane">
      <div class="more">
        @if (hasMore()) {
          <a tabindex="0" (click)="loadOlder()" (keyup.enter)="loadOlder()" data-testid="archive-load-older"
            >加载更早的消息</a
          >
        } @else if (messages().length > 0) {
          <span>没有更多了</span>
        }
      </div>
      @for (message of messages(); track message.msgid) {
        <div class="message" [class.mine]="isMine()(message)" data-testid="archive-message">
          <div class="meta">{{ senderName()(message) }} {{ formatDateTime(message.msgtime) }}</div>
          <div class="bubble">
            @for (segment of keywordSegments(messageText(message), keyword()); track $index) {
              @if (segment.hit) {
                <mark>{{ segment.text }}</mark>
              } @else {
                {{ segment.text }}
              }
            }
          </div>
        </div>
      } @empty {
        @if (!loading()) {
          <app-list-empty text="暂无消息" />
        }
      }
    </div>
  `,
})
export class ArchiveMessagePane {
  private readonly api = inject(ArchiveApi);
  private readonly pane = viewChild<ElementRef<HTMLElement>>('pane');

  readonly conversationId = input.required<string>();
  readonly filters = input<MessageFilters>({ from: null, to: null, msgtype: '' });
  /** The keyword whose occurrences are marked. */
  readonly keyword = input('');
  /** Right-aligned: the searched person's own messages (I-77, R-5.1.2-03). */
  readonly isMine = input.required<(message: ArchiveMessage) => boolean>();
  readonly senderName = input.required<(message: ArchiveMessage) => string>();
  readonly failed = output<unknown>();

  protected readonly formatDateTime = formatDateTime;
  protected readonly messageText = messageText;
  protected readonly keywordSegments = keywordSegments;

  /** Oldest first, as shown. */
  protected readonly messages = signal<ArchiveMessage[]>([]);
  protected readonly hasMore = signal(false);
  protected readonly loading = signal(false);
  private nextCursor: string | null = null;
  /** Answers of a conversation or filters since replaced are dropped. */
  private generation = 0;

  constructor() {
    effect(() => {
      const conversationId = this.conversationId();
      const filters = this.filters();
      untracked(() => this.reload(conversationId, filters));
    });
  }

  private reload(conversationId: string, filters: MessageFilters): void {
    this.generation += 1;
    this.messages.set([]);
    this.nextCursor = null;
    this.hasMore.set(false);
    this.loading.set(false);
    this.load(conversationId, filters, true);
  }

  protected loadOlder(): void {
    if (!this.loading()) this.load(this.conversationId(), this.filters(), false);
  }

  /** Loads the next older page; the first page scrolls to the newest message (R-5.1.1-10). */
  private load(conversationId: string, filters: MessageFilters, first: boolean): void {
    const generation = this.generation;
    this.loading.set(true);
    const pane = this.pane()?.nativeElement;
    const fromBottom = pane ? pane.scrollHeight - pane.scrollTop : 0;
    this.api.messages(conversationId, filters, this.nextCursor).subscribe({
      next: (page) => {
        if (generation !== this.generation) return;
        this.loading.set(false);
        this.nextCursor = page.nextCursor;
        this.hasMore.set(page.nextCursor !== null);
        this.messages.update((shown) => [...[...page.items].reverse(), ...shown]);
        // Keep the reader's place when older messages are put above; the first page opens at the bottom.
        setTimeout(() => {
          const element = this.pane()?.nativeElement;
          if (element) element.scrollTop = first ? element.scrollHeight : element.scrollHeight - fromBottom;
        });
      },
      error: (error: unknown) => {
        if (generation !== this.generation) return;
        this.loading.set(false);
        this.failed.emit(error);
      },
    });
  }

  protected scrolled(event: Event): void {
    const element = event.target as HTMLElement;
    if (element.scrollTop < 40 && this.hasMore()) this.loadOlder();
  }
}
