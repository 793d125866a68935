import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { formatDateTime } from '../../../core/format/date-time';
import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { ArchiveSearchHit } from '../messages/archive.models';
import { hitChatLabel } from '../messages/archive-texts';

/**
 * Keyword search's hits (R-5.1.1-04, R-3.1.5-04): whose chat each message is in, by name, its time, and its text
 * with the keyword marked.
 */
@Component({
  selector: 'app-archive-hit-list',
  imports: [ListEmpty],
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
      padding: 6px 8px;
      cursor: pointer;
      border-radius: 4px;
    }
    li:hover {
      background: #e6f4ff;
    }
    .meta {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      color: #8c8c8c;
      font-size: 12px;
    }
    .chat {
      color: #262626;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .time {
      flex: none;
    }
    .preview {
      color: #595959;
      font-size: 12px;
      word-break: break-word;
    }
    mark {
      background: #ffe58f;
      padding: 0;
    }
  `,
  template: `
    <ul data-testid="archive-hits">
      @for (hit of hits(); track hit.msgid) {
        <li
          tabindex="0"
          (click)="opened.emit(hit)"
          (keyup.enter)="opened.emit(hit)"
          data-testid="archive-hit"
        >
          <div class="meta">
            <span class="chat" data-testid="archive-hit-chat">{{ chatLabel(hit, searchedName()) }}</span>
            <span class="time">{{ formatDateTime(hit.msgtime) }}</span>
          </div>
          <div class="preview">
            @for (segment of hit.segments; track $index) {
              @if (segment.hit) {
                <mark>{{ segment.text }}</mark>
              } @else {
                {{ segment.text }}
              }
            }
          </div>
        </li>
      } @empty {
        <app-list-empty text="没有找到相关消息" />
      }
    </ul>
  `,
})
export class ArchiveHitList {
  readonly hits = input.required<ArchiveSearchHit[]>();
  /** The person whose chats were searched (a staff member or a customer). */
  readonly searchedName = input('');
  readonly opened = output<ArchiveSearchHit>();

  protected readonly formatDateTime = formatDateTime;
  protected readonly chatLabel = hitChatLabel;
}
