import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzFormatEmitEvent, NzTreeModule } from 'ng-zorro-antd/tree';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { CustomerDetailDrawer } from '../../customers/customers/customer-detail-drawer';
import { CustomerOptions } from '../../customers/customers/customer.models';
import { CustomersApi } from '../../customers/customers/customers-api';
import { GroupPortraitDrawer } from '../../customers/groups/group-portrait-drawer';
import { buildDepartmentTree, departmentIdOfKey } from '../../system/org/department-tree';
import { OrgApi } from '../../system/org/org-api';
import { StaffMember } from '../../system/org/org.models';
import { ArchiveConversationList } from '../chat-view/conversation-list';
import { ArchiveHitList } from '../chat-view/hit-list';
import { ArchiveMessagePane } from '../chat-view/message-pane';
import { ArchiveApi } from './archive-api';
import {
  ArchiveConversation,
  ArchiveCustomer,
  ArchiveMessage,
  ArchiveRange,
  ArchiveSearchHit,
  ArchiveSubject,
  ChatKind,
  MessageFilters,
} from './archive.models';
import {
  CHAT_KIND_OPTIONS,
  conversationOfHit,
  dayOf,
  MESSAGE_TYPE_OPTIONS,
  RANGE_OPTIONS,
} from './archive-texts';

/**
 * 会话存档 → 内容存档: tabs 按员工检索 / 按客户检索. Left: the org tree and staff search, or the customers
 * with archived chats; middle: the chosen person's conversations (近30天/近90天/全部, keyword search); right: one
 * conversation's messages, newest at the bottom, older ones loaded on scrolling up.
 */
@Component({
  selector: 'app-archive-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzAvatarModule,
    NzDatePickerModule,
    NzPaginationModule,
    NzRadioModule,
    NzSelectModule,
    NzTabsModule,
    NzTreeModule,
    ListEmpty,
    CustomerDetailDrawer,
    GroupPortraitDrawer,
    ArchiveConversationList,
    ArchiveHitList,
    ArchiveMessagePane,
  ],
  templateUrl: './archive-page.html',
  styleUrl: './archive-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArchivePage implements OnInit {
  private readonly api = inject(ArchiveApi);
  private readonly org = inject(OrgApi);
  private readonly customersApi = inject(CustomersApi);

  protected readonly rangeOptions = RANGE_OPTIONS;
  protected readonly chatKindOptions = CHAT_KIND_OPTIONS;
  protected readonly messageTypeOptions = MESSAGE_TYPE_OPTIONS;

  /** 0 = 按员工检索, 1 = 按客户检索. */
  protected readonly subjectTab = signal(0);

  // Left column.
  protected readonly departmentTree = signal<NzTreeNodeOptions[]>([]);
  protected readonly staff = signal<StaffMember[]>([]);
  protected readonly staffKeyword = signal('');
  private departmentId: number | null = null;
  protected readonly customers = signal<ArchiveCustomer[]>([]);
  protected readonly customerTotal = signal(0);
  protected readonly customerPage = signal(1);
  protected readonly customerKeyword = signal('');

  // Middle column.
  protected readonly subject = signal<ArchiveSubject | null>(null);
  protected readonly range = signal<ArchiveRange>('30d');
  protected readonly chatKind = signal<ChatKind | null>(null);
  protected readonly conversations = signal<ArchiveConversation[]>([]);
  protected readonly conversationTotal = signal(0);
  protected readonly conversationPage = signal(1);
  protected readonly searchKeyword = signal('');
  /** The keyword search's hits; null while the list shows conversations. */
  protected readonly hits = signal<ArchiveSearchHit[] | null>(null);
  protected readonly hitTotal = signal(0);
  protected readonly hitTotalCapped = signal(false);
  protected readonly hitPage = signal(1);
  protected readonly error = signal<string | null>(null);

  // Right column.
  protected readonly conversation = signal<ArchiveConversation | null>(null);
  protected readonly dateRange = signal<Date[]>([]);
  protected readonly msgtype = signal('');
  protected readonly filters = computed<MessageFilters>(() => {
    const [from, to] = this.dateRange();
    return { from: dayOf(from), to: dayOf(to), msgtype: this.msgtype() };
  });
  /** The keyword whose hits the pane marks. */
  protected readonly paneKeyword = signal('');

  protected readonly customerDetail = signal<string | null>(null);
  protected readonly groupPortrait = signal<string | null>(null);
  protected readonly customerOptions = signal<CustomerOptions | null>(null);

  ngOnInit(): void {
    this.org.departments().subscribe({
      next: (list) => this.departmentTree.set(buildDepartmentTree(list.corpName, list.items)),
      error: () => this.departmentTree.set([]),
    });
    this.loadStaff();
  }

  protected tabChanged(index: number): void {
    this.subjectTab.set(index);
    this.subject.set(null);
    this.conversation.set(null);
    this.hits.set(null);
    if (index === 1 && this.customers().length === 0) this.loadCustomers();
  }

  // ---- left: staff ----
  protected departmentClicked(event: NzFormatEmitEvent): void {
    this.departmentId = event.node ? departmentIdOfKey(event.node.key) : null;
    this.loadStaff();
  }

  protected loadStaff(): void {
    this.org
      .staff({
        page: 1,
        pageSize: 100,
        keyword: this.staffKeyword(),
        departmentId: this.departmentId,
        roleId: null,
      })
      .subscribe({ next: (page) => this.staff.set(page.items), error: () => this.staff.set([]) });
  }

  protected chooseStaff(member: StaffMember): void {
    this.choose({ kind: 'staff', staffUserid: member.userid, name: member.name });
  }

  // ---- left: customers ----
  protected loadCustomers(page = 1): void {
    this.customerPage.set(page);
    this.api.customers(this.customerKeyword().trim(), page).subscribe({
      next: (result) => {
        this.customers.set(result.items);
        this.customerTotal.set(result.total);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected chooseCustomer(customer: ArchiveCustomer): void {
    this.choose({ kind: 'customer', externalUserid: customer.externalUserid, name: customer.name });
  }

  // ---- middle ----
  private choose(subject: ArchiveSubject): void {
    this.subject.set(subject);
    this.conversation.set(null);
    this.hits.set(null);
    this.searchKeyword.set('');
    this.loadConversations(1);
  }

  protected isChosen(id: string): boolean {
    const subject = this.subject();
    if (!subject) return false;
    return (subject.kind === 'staff' ? subject.staffUserid : subject.externalUserid) === id;
  }

  protected loadConversations(page = 1): void {
    const subject = this.subject();
    if (!subject) return;
    this.conversationPage.set(page);
    this.api.conversations(subject, this.range(), this.chatKind(), page).subscribe({
      next: (result) => {
        this.error.set(null);
        this.conversations.set(result.items);
        this.conversationTotal.set(result.total);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected search(page = 1): void {
    const subject = this.subject();
    const keyword = this.searchKeyword().trim();
    if (!subject) return;
    if (!keyword) {
      this.hits.set(null);
      return;
    }
    this.hitPage.set(page);
    this.api.search(subject, keyword, page).subscribe({
      next: (result) => {
        this.error.set(null);
        this.hits.set(result.items);
        this.hitTotal.set(result.total);
        this.hitTotalCapped.set(result.totalCapped);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected openHit(hit: ArchiveSearchHit): void {
    this.open(conversationOfHit(hit, this.conversations()), this.searchKeyword().trim());
  }

  // ---- right ----
  protected open(conversation: ArchiveConversation, keyword = ''): void {
    this.conversation.set(conversation);
    this.paneKeyword.set(keyword);
  }

  /** The searched person's own messages are on the right (I-77, R-5.1.2-03). */
  protected readonly isMine = (message: ArchiveMessage): boolean => this.isChosen(message.from);

  protected readonly senderName = (message: ArchiveMessage): string => {
    const subject = this.subject();
    if (subject && this.isChosen(message.from)) return subject.name;
    const peer = this.conversation()?.peer;
    if (peer && peer.kind !== 'group' && peer.id === message.from && peer.name) return peer.name;
    return message.from;
  };

  protected openDetail(conversation: ArchiveConversation): void {
    if (conversation.chatKind === 'group') {
      this.groupPortrait.set(conversation.peer.id || conversation.conversationId.replace(/^room:/, ''));
      return;
    }
    const subject = this.subject();
    const externalUserid =
      subject?.kind === 'customer'
        ? subject.externalUserid
        : conversation.peer.kind === 'customer'
          ? conversation.peer.id
          : null;
    if (!externalUserid) return;
    const show = () => this.customerDetail.set(externalUserid);
    if (this.customerOptions()) show();
    else
      this.customersApi.options().subscribe({
        next: (options) => {
          this.customerOptions.set(options);
          show();
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  protected canOpenDetail(conversation: ArchiveConversation): boolean {
    return conversation.chatKind === 'group' || conversation.chatKind === 'external';
  }

  protected fail(error: unknown): void {
    const message = (error as { error?: { error?: { message?: string } } }).error?.error?.message;
    this.error.set(message ?? '加载失败，请稍后重试');
  }
}
