import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';

import { formatDateTime } from '../../../core/format/date-time';
import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { ArchiveConversation } from '../messages/archive.models';
import { messageText } from '../messages/archive-texts';

/**
 * A chat list (内容存档 R-5.1.1-04, 企微会话记录 R-3.1.5-05): each row the other party's avatar and name, the
 * last message's time and text. Shared by 内容存档, 客户详情 and the H5 side panel.
 */
@Component({
  selector: 'app-archive-conversation-list',
  imports: [NzAvatarModule, ListEmpty],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      flex: 1;
      min-height: 0;
      overflow: auto;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 6px 8px;
      cursor: pointer;
      border-radius: 4px;
    }
    li:hover,
    li.chosen {
      background: #e6f4ff;
    }
    .summary {
      flex: 1;
      min-width: 0;
    }
    .row {
      display: flex;
      justify-content: space-between;
      gap: 8px;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .time {
      color: #8c8c8c;
      font-size: 12px;
      flex: none;
    }
    .preview {
      color: #595959;
      font-size: 12px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
  template: `
    <ul>
      @for (item of items(); track item.conversationId) {
        <li
          [class.chosen]="chosenId() === item.conversationId"
          tabindex="0"
          (click)="opened.emit(item)"
          (keyup.enter)="opened.emit(item)"
          data-testid="archive-conversation"
        >
          <nz-avatar
            nzSize="small"
            [nzSrc]="item.peer.avatar || undefined"
            [nzIcon]="item.peer.kind === 'group' ? 'team' : 'user'"
          ></nz-avatar>
          <div class="summary">
            <div class="row">
              <span class="name" data-testid="archive-conversation-name">{{ item.peer.name }}</span>
              <span class="time">{{ formatDateTime(item.lastMessageAt) }}</span>
            </div>
            <div class="preview" data-testid="archive-conversation-preview">
              {{ messageText(item.lastMessage) }}
            </div>
          </div>
        </li>
      } @empty {
        <app-list-empty text="暂无会话" />
      }
    </ul>
  `,
})
export class ArchiveConversationList {
  readonly items = input.required<ArchiveConversation[]>();
  readonly chosenId = input<string | null>(null);
  readonly opened = output<ArchiveConversation>();

  protected readonly formatDateTime = formatDateTime;
  protected readonly messageText = messageText;
}
