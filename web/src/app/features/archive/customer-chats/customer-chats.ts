import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../core/net/api-error';
import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { StaffSelect } from '../../system/org/staff-select';
import { ArchiveConversationList } from '../chat-view/conversation-list';
import { ArchiveHitList } from '../chat-view/hit-list';
import { ArchiveMessagePane } from '../chat-view/message-pane';
import { ArchiveApi } from '../messages/archive-api';
import {
  ArchiveConversation,
  ArchiveMessage,
  ArchiveSearchHit,
  ArchiveSubject,
  MessageFilters,
} from '../messages/archive.models';
import {
  chatConditionsOf,
  conversationOfHit,
  MESSAGE_TYPE_OPTIONS,
  senderNameIn,
} from '../messages/archive-texts';

const PAGE_SIZE = 20;

/**
 * 企微会话记录: one customer's archived chats — single chats with any staff and the groups the customer
 * is in (I-51) — filtered by 员工, 聊天时间 and 消息类型 (I-52), keyword search with the hits marked (R-3.1.5-04),
 * and the message pane. The same component is 客户详情's tab and the H5 side panel's list (`mobile`: the list,
 * or one conversation with 返回). Everything comes from 内容存档's API, so 数据权限 applies as there.
 */
@Component({
  selector: 'app-customer-chats',
  imports: [
    ListEmpty,
    FormsModule,
    NzDatePickerModule,
    NzInputModule,
    NzPaginationModule,
    NzSelectModule,
    StaffSelect,
    ArchiveConversationList,
    ArchiveHitList,
    ArchiveMessagePane,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .chats {
      display: flex;
      flex-direction: column;
      gap: 8px;
      height: 560px;
    }
    .chats.mobile {
      height: calc(100vh - 160px);
      min-height: 420px;
    }
    .filters {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      align-items: center;
    }
    .filters .staff,
    .filters .type {
      width: 140px;
    }
    .filters .keyword {
      width: 180px;
    }
    .mobile .filters > * {
      flex: 1 1 45%;
      width: auto;
    }
    .body {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-template-columns: 260px 1fr;
      gap: 8px;
    }
    .mobile .body {
      grid-template-columns: 1fr;
    }
    .column {
      display: flex;
      flex-direction: column;
      gap: 6px;
      min-height: 0;
      border: 1px solid #f0f0f0;
      padding: 6px;
    }
    header {
      display: flex;
      gap: 8px;
      font-weight: 500;
    }
    .hint {
      color: #8c8c8c;
      font-size: 12px;
    }
    .notice,
    .error {
      color: #ff4d4f;
    }
  `,
  template: `
    @if (!permitted) {
      <p class="notice" data-testid="customer-chats-forbidden">
        您没有“内容存档”权限，无法查看企微会话记录，请联系管理员开通
      </p>
    } @else {
      <div class="chats" [class.mobile]="mobile()" data-testid="customer-chats">
        @if (error(); as message) {
          <div class="error" role="alert" data-testid="customer-chats-error">{{ message }}</div>
        }
        @if (!mobile() || !conversation()) {
          <div class="filters">
            <app-staff-select
              class="staff"
              placeholder="员工"
              testId="customer-chats-staff"
              [members]="staff()"
              [ngModel]="staffUserid()"
              (ngModelChange)="staffUserid.set($event); refresh()"
            />
            <nz-range-picker
              [ngModel]="dateRange()"
              (ngModelChange)="dateRange.set($event ?? []); refresh()"
              [nzPlaceHolder]="['开始日期', '结束日期']"
              data-testid="customer-chats-date-range"
            ></nz-range-picker>
            <nz-select
              class="type"
              [ngModel]="msgtype()"
              (ngModelChange)="msgtype.set($event); refresh()"
              data-testid="customer-chats-msgtype"
            >
              @for (option of messageTypeOptions; track option.value) {
                <nz-option [nzValue]="option.value" [nzLabel]="'消息类型：' + option.label" />
              }
            </nz-select>
            <input
              nz-input
              class="keyword"
              placeholder="搜索聊天记录"
              [ngModel]="keyword()"
              (ngModelChange)="keyword.set($event)"
              (keyup.enter)="search()"
              data-testid="customer-chats-keyword"
            />
          </div>
        }
        <div class="body">
          @if (!mobile() || !conversation()) {
            <div class="column">
              @if (hits(); as found) {
                <div class="hint">
                  共 {{ hitTotal() }}{{ hitTotalCapped() ? '+' : '' }} 条包含“{{ searchedKeyword() }}”的消息
                  <a tabindex="0" (click)="clearSearch()" (keyup.enter)="clearSearch()">返回会话列表</a>
                </div>
                <app-archive-hit-list
                  [hits]="found"
                  [searchedName]="customerName()"
                  (opened)="openHit($event)"
                />
                @if (hitTotal() > pageSize) {
                  <nz-pagination
                    nzSize="small"
                    nzSimple
                    [nzPageIndex]="hitPage()"
                    [nzTotal]="hitTotal()"
                    [nzPageSize]="pageSize"
                    (nzPageIndexChange)="search($event)"
                  ></nz-pagination>
                }
              } @else {
                <app-archive-conversation-list
                  [items]="conversations()"
                  [chosenId]="conversation()?.conversationId ?? null"
                  (opened)="open($event)"
                />
                @if (conversationTotal() > pageSize) {
                  <nz-pagination
                    nzSize="small"
                    nzSimple
                    [nzPageIndex]="conversationPage()"
                    [nzTotal]="conversationTotal()"
                    [nzPageSize]="pageSize"
                    (nzPageIndexChange)="loadConversations($event)"
                  ></nz-pagination>
                }
              }
            </div>
          }
          @if (conversation(); as current) {
            <div class="column">
              <header>
                @if (mobile()) {
                  <a
                    tabindex="0"
                    (click)="conversation.set(null)"
                    (keyup.enter)="conversation.set(null)"
                    data-testid="customer-chats-back"
                    >‹ 返回</a
                  >
                }
                <span>{{ current.peer.name }}</span>
              </header>
              <app-archive-message-pane
                [conversationId]="current.conversationId"
                [filters]="filters()"
                [keyword]="paneKeyword()"
                [isMine]="isMine"
                [senderName]="senderName"
                (failed)="fail($event)"
              />
            </div>
          } @else if (!mobile()) {
            <div class="column"><app-list-empty text="请选择一个会话" /></div>
          }
        </div>
      </div>
    }
  `,
})
export class CustomerChats {
  private readonly api = inject(ArchiveApi);

  readonly externalUserid = input.required<string>();
  readonly customerName = input.required<string>();
  /** The 员工 filter's choices: the staff in the caller's 数据权限. */
  readonly staff = input<ReadonlyArray<{ userid: string; name: string }>>([]);
  /** The H5 side panel: list and conversation one at a time. */
  readonly mobile = input(false);

  /** 内容存档 is what this reads; without it the tab says so instead of failing. */
  protected readonly permitted = inject(AuthService).can('archive.messages');
  protected readonly messageTypeOptions = MESSAGE_TYPE_OPTIONS;
  protected readonly pageSize = PAGE_SIZE;

  protected readonly staffUserid = signal<string | null>(null);
  protected readonly dateRange = signal<Date[]>([]);
  protected readonly msgtype = signal('');
  protected readonly keyword = signal('');
  private readonly conditions = computed(() =>
    chatConditionsOf(this.staffUserid(), this.dateRange(), this.msgtype()),
  );
  protected readonly filters = computed<MessageFilters>(() => {
    const { from, to, msgtype } = this.conditions();
    return { from, to, msgtype };
  });

  protected readonly conversations = signal<ArchiveConversation[]>([]);
  protected readonly conversationTotal = signal(0);
  protected readonly conversationPage = signal(1);
  /** The keyword search's hits; null while the list shows conversations. */
  protected readonly hits = signal<ArchiveSearchHit[] | null>(null);
  protected readonly hitTotal = signal(0);
  protected readonly hitTotalCapped = signal(false);
  protected readonly hitPage = signal(1);
  protected readonly searchedKeyword = signal('');
  protected readonly conversation = signal<ArchiveConversation | null>(null);
  protected readonly paneKeyword = signal('');
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.externalUserid();
      untracked(() => {
        this.conversation.set(null);
        this.hits.set(null);
        if (this.permitted) this.loadConversations(1);
      });
    });
  }

  private subject(): ArchiveSubject {
    return { kind: 'customer', externalUserid: this.externalUserid(), name: this.customerName() };
  }

  /** A filter changed: the list (or the hits) follow; the open conversation's pane reloads by itself. */
  protected refresh(): void {
    if (this.hits()) this.search(1);
    else this.loadConversations(1);
  }

  protected loadConversations(page: number): void {
    this.conversationPage.set(page);
    // Every archived chat of the customer (R-3.1.5-01): no 近30天 here, 聊天时间 narrows instead.
    this.api.conversations(this.subject(), 'all', null, page, this.conditions()).subscribe({
      next: (result) => {
        this.error.set(null);
        this.conversations.set(result.items);
        this.conversationTotal.set(result.total);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected search(page = 1): void {
    const keyword = this.keyword().trim();
    if (!keyword) {
      this.clearSearch();
      return;
    }
    this.hitPage.set(page);
    this.api.search(this.subject(), keyword, page, this.conditions()).subscribe({
      next: (result) => {
        this.error.set(null);
        this.searchedKeyword.set(keyword);
        this.hits.set(result.items);
        this.hitTotal.set(result.total);
        this.hitTotalCapped.set(result.totalCapped);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected clearSearch(): void {
    this.hits.set(null);
    this.paneKeyword.set('');
    this.loadConversations(1);
  }

  protected open(conversation: ArchiveConversation, keyword = ''): void {
    this.conversation.set(conversation);
    this.paneKeyword.set(keyword);
  }

  protected openHit(hit: ArchiveSearchHit): void {
    this.open(conversationOfHit(hit, this.conversations()), this.searchedKeyword());
  }

  /** The customer is the one being looked at: their messages are on the right (as in 按客户检索, R-5.1.2-03). */
  protected readonly isMine = (message: ArchiveMessage): boolean => message.from === this.externalUserid();

  protected readonly senderName = (message: ArchiveMessage): string =>
    senderNameIn(
      message,
      { customer: { externalUserid: this.externalUserid(), name: this.customerName() }, staff: this.staff() },
      this.conversation()?.peer,
    );

  protected fail(error: unknown): void {
    this.error.set(apiErrorMessage(error));
  }
}
