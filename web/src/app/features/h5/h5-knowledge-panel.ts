import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { Subscription } from 'rxjs';

import { apiErrorMessage } from '../../core/net/api-error';
import { categoryOptions, CategoryOption } from '../materials/knowledge/knowledge.models';
import { H5KnowledgeApi } from './h5-knowledge-api';
import {
  chatMessageOf,
  copyTextOf,
  H5_KIND_LABELS,
  itemHeadline,
  KnowledgeItem,
  KnowledgeKind,
  KnowledgeTree,
  newPress,
  UseAction,
  UsePress,
} from './h5-knowledge.models';
import { jssdkFailureReason, WeComJssdk } from './wecom-jssdk';
import { titleAsText } from '../../shared/html-text';

const PAGE_SIZE = 20;

/**
 * 知识库 in the chat toolbar (issue 15 item 4): search across 话术, 常用语 and 常用链接 (问题 and 相似问, text, link
 * name), or browse one kind by category; 发送 puts the item into the open chat through the JS-SDK
 * (sendChatMessage: the answer or text, a link card for a link) and 复制 onto the clipboard. Each press adds 1 to
 * the item's 使用次数, once, however often recording it is retried.
 */
@Component({
  selector: 'app-h5-knowledge-panel',
  imports: [FormsModule, NzButtonModule, NzInputModule, NzRadioModule, NzTagModule, NzTreeSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .bar {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-bottom: 8px;
    }
    .search {
      display: flex;
      gap: 8px;
    }
    .item {
      border-bottom: 1px solid #f0f0f0;
      padding: 8px 0;
    }
    .headline {
      font-weight: 600;
      word-break: break-all;
    }
    .body {
      color: #666;
      margin: 4px 0;
      white-space: pre-wrap;
      word-break: break-all;
    }
    .meta {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .spacer {
      flex: 1;
    }
    .more {
      text-align: center;
      margin-top: 8px;
      color: #999;
    }
  `,
  template: `
    <div class="bar">
      <div class="search">
        <input
          nz-input
          placeholder="搜索话术、常用语、常用链接"
          [(ngModel)]="keyword"
          (keyup.enter)="search()"
          data-testid="h5-kb-search"
        />
        <button nz-button nzType="primary" (click)="search()" data-testid="h5-kb-search-button">搜索</button>
      </div>
      <nz-radio-group
        nzButtonStyle="solid"
        nzSize="small"
        [ngModel]="kind()"
        (ngModelChange)="chooseKind($event)"
      >
        <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
        <label nz-radio-button [nzValue]="null">全部</label>
        @for (option of kinds; track option[0]) {
          <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
          <label nz-radio-button [nzValue]="option[0]" [attr.data-testid]="'h5-kb-kind-' + option[0]">{{
            option[1]
          }}</label>
        }
      </nz-radio-group>
      @if (kind()) {
        <nz-tree-select
          nzAllowClear
          nzDefaultExpandAll
          nzPlaceHolder="全部分类"
          [nzNodes]="categories()"
          [ngModel]="categoryId()"
          (ngModelChange)="chooseCategory($event)"
          data-testid="h5-kb-category"
          [nzDisplayWith]="titleAsText"
          [nzTreeTemplate]="plainNode"
        />
        <!-- Names as text: ng-zorro shows a node's title as HTML (shared/html-text.ts). -->
        <ng-template #plainNode let-node>{{ node.title }}</ng-template>
      }
    </div>

    @for (item of items(); track item.id) {
      <div class="item" data-testid="h5-kb-item">
        <div class="meta">
          <nz-tag>{{ kindLabels[item.kind] }}</nz-tag>
          <span class="headline" data-testid="h5-kb-headline">{{ headline(item) }}</span>
        </div>
        @if (item.kind === 'scripts') {
          <div class="body">{{ item.answer }}</div>
        } @else if (item.kind === 'links') {
          <div class="body">{{ item.title || item.url }}</div>
        }
        <div class="meta">
          <span class="spacer"></span>
          <button
            nz-button
            nzSize="small"
            [nzLoading]="busy() === item.id + ':copy'"
            (click)="press(item, 'copy')"
            data-testid="h5-kb-copy"
          >
            复制
          </button>
          <button
            nz-button
            nzType="primary"
            nzSize="small"
            [nzLoading]="busy() === item.id + ':send'"
            (click)="press(item, 'send')"
            data-testid="h5-kb-send"
          >
            发送
          </button>
        </div>
      </div>
    } @empty {
      @if (!loading()) {
        <p class="more" data-testid="h5-kb-empty">暂无内容</p>
      }
    }
    @if (items().length < total()) {
      <div class="more">
        <button nz-button nzType="link" [nzLoading]="loading()" (click)="loadMore()" data-testid="h5-kb-more">
          加载更多
        </button>
      </div>
    }
  `,
})
export class H5KnowledgePanel implements OnInit {
  protected readonly titleAsText = titleAsText;
  private readonly api = inject(H5KnowledgeApi);
  private readonly jssdk = inject(WeComJssdk);
  private readonly message = inject(NzMessageService);

  protected readonly kinds = Object.entries(H5_KIND_LABELS) as Array<[KnowledgeKind, string]>;
  protected readonly kindLabels = H5_KIND_LABELS;
  protected readonly headline = itemHeadline;
  protected keyword = '';
  protected readonly kind = signal<KnowledgeKind | null>(null);
  protected readonly categoryId = signal<string | null>(null);
  /** The libraries' trees, read when a kind is first chosen. */
  private readonly trees = signal<KnowledgeTree[] | null>(null);
  protected readonly categories = computed<CategoryOption[]>(() => {
    const tree = this.trees()?.find((entry) => entry.kind === this.kind());
    return tree ? categoryOptions(tree.categories) : [];
  });
  protected readonly items = signal<KnowledgeItem[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  /** The press being carried out (`<itemId>:<action>`), so its button shows it and is not pressed twice. */
  protected readonly busy = signal<string | null>(null);
  protected readonly page = computed(() => Math.ceil(this.items().length / PAGE_SIZE));

  private inFlight: Subscription | null = null;

  ngOnInit(): void {
    this.search();
  }

  protected chooseKind(kind: KnowledgeKind | null): void {
    this.kind.set(kind);
    this.categoryId.set(null);
    if (kind && !this.trees()) this.api.trees().subscribe((trees) => this.trees.set(trees));
    this.search();
  }

  protected chooseCategory(categoryId: string | null): void {
    this.categoryId.set(categoryId);
    this.search();
  }

  protected search(): void {
    this.load(1, false);
  }

  protected loadMore(): void {
    this.load(this.page() + 1, true);
  }

  private load(page: number, append: boolean): void {
    this.inFlight?.unsubscribe();
    this.loading.set(true);
    const query = {
      kind: this.kind() ?? undefined,
      categoryId: this.categoryId() ?? undefined,
      keyword: this.keyword.trim() || undefined,
    };
    this.inFlight = this.api.search(query, page, PAGE_SIZE).subscribe({
      next: (result) => {
        this.items.update((items) => (append ? [...items, ...result.items] : result.items));
        this.total.set(result.total);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  /** 发送 or 复制: first the action itself; only once it happened is it counted. */
  protected async press(item: KnowledgeItem, action: UseAction): Promise<void> {
    const key = `${item.id}:${action}`;
    if (this.busy()) return;
    this.busy.set(key);
    const press = newPress(item.id, action);
    try {
      if (action === 'send') await this.jssdk.sendChatMessage(chatMessageOf(item));
      else await copyToClipboard(copyTextOf(item));
    } catch (error) {
      this.busy.set(null);
      this.message.error(
        action === 'send' ? `发送失败：${jssdkFailureReason(error)}` : '复制失败，请长按内容手动复制',
      );
      return;
    }
    this.message.success(action === 'send' ? '已发送' : '已复制');
    this.record(press);
  }

  private record(press: UsePress): void {
    this.api.use(press).subscribe({
      next: ({ usageCount }) => {
        this.busy.set(null);
        this.items.update((items) =>
          items.map((entry) => (entry.id === press.itemId ? { ...entry, usageCount } : entry)),
        );
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.message.warning(`使用次数未能记录：${apiErrorMessage(error)}`);
      },
    });
  }
}

/** The clipboard API where the webview offers it; otherwise the selection-and-copy way older webviews know. */
async function copyToClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // A webview that has the API but refuses it (no permission) may still copy a selection.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}
