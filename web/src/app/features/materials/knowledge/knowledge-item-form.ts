import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { debounceTime, distinctUntilChanged, filter, Subject, switchMap } from 'rxjs';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { KnowledgeApi } from './knowledge-api';
import {
  categoryOptions,
  isHttpUrl,
  KnowledgeItem,
  KnowledgeItemInput,
  KnowledgeKind,
  KnowledgeTree,
  LINK_DESCRIPTION_MAX,
  LINK_NAME_MAX,
  LINK_TITLE_MAX,
  LINK_URL_MAX,
  LinkPreview,
  PHRASE_CONTENT_MAX,
  SCRIPT_ANSWER_MAX,
  SCRIPT_QUESTION_MAX,
  SCRIPT_SIMILAR_COUNT_MAX,
  SCRIPT_SIMILAR_MAX,
  uncategorizedId,
} from './knowledge.models';
import { titleAsText } from '../../../shared/html-text';

const TITLES: Record<KnowledgeKind, [string, string, string]> = {
  scripts: ['新建问题', '编辑问题', '查看问题'],
  phrases: ['新建常用语', '编辑常用语', '查看常用语'],
  links: ['新增常用链接', '编辑常用链接', '查看常用链接'],
};

const chars = (value: string) => Array.from(value.trim()).length;

/**
 * 新建 / 编辑 / 查看 an item (R-4.1.1-10, I-72 … I-74): a 话术 (问题名称, up to 10 相似问 added with ⊕, 分类
 * defaulting to 未分类, 答案), a 常用语 (内容, 分类) or a 常用链接 (名称, 分类, 地址, and the card read from the
 * page at that address, editable, shown as WeCom shows it). Read-only for 查看.
 */
@Component({
  selector: 'app-knowledge-item-form',
  imports: [...SHARED_IMPORTS, FormsModule, NzModalModule, NzTreeSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .similar {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .card {
      display: flex;
      gap: 8px;
      width: 280px;
      padding: 10px;
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      background: #fafafa;
    }
    .card-text {
      flex: 1;
      min-width: 0;
    }
    .card-title {
      font-weight: 600;
      word-break: break-all;
    }
    .card-desc {
      color: #888;
      font-size: 12px;
      word-break: break-all;
    }
    .card img {
      width: 48px;
      height: 48px;
      object-fit: cover;
    }
  `,
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="title()"
      [nzWidth]="640"
      [nzFooter]="footer"
      (nzOnCancel)="cancelled.emit()"
    >
      <form *nzModalContent nz-form nzLayout="vertical" data-testid="kb-item-form">
        @switch (kind()) {
          @case ('scripts') {
            <nz-form-item>
              <nz-form-label nzRequired nzFor="kb-question">问题名称</nz-form-label>
              <input
                nz-input
                id="kb-question"
                name="question"
                placeholder="请输入问题"
                [maxlength]="limits.question"
                [disabled]="readonly()"
                [(ngModel)]="question"
                data-testid="kb-question"
              />
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>相似问</nz-form-label>
              @for (entry of similar(); track $index) {
                <div class="similar">
                  <input
                    nz-input
                    [name]="'similar' + $index"
                    placeholder="请输入相似问题"
                    [attr.aria-label]="'相似问' + ($index + 1)"
                    [maxlength]="limits.similar"
                    [disabled]="readonly()"
                    [ngModel]="entry"
                    (ngModelChange)="setSimilar($index, $event)"
                    data-testid="kb-similar"
                  />
                  @if (!readonly()) {
                    <button
                      nz-button
                      nzType="text"
                      type="button"
                      title="删除相似问"
                      (click)="removeSimilar($index)"
                    >
                      <span nz-icon nzType="minus-circle"></span>
                    </button>
                  }
                </div>
              }
              @if (!readonly() && similar().length < limits.similarCount) {
                <button
                  nz-button
                  nzType="dashed"
                  type="button"
                  (click)="addSimilar()"
                  data-testid="kb-similar-add"
                >
                  <span nz-icon nzType="plus-circle"></span>添加相似问
                </button>
              }
            </nz-form-item>
          }
          @case ('phrases') {
            <nz-form-item>
              <nz-form-label nzRequired nzFor="kb-content">常用语内容</nz-form-label>
              <textarea
                nz-input
                id="kb-content"
                name="content"
                rows="5"
                placeholder="请输入常用语内容"
                [maxlength]="limits.content"
                [disabled]="readonly()"
                [(ngModel)]="content"
                data-testid="kb-content"
              ></textarea>
              <span class="card-desc">{{ count(content) }}/{{ limits.content }}</span>
            </nz-form-item>
          }
          @case ('links') {
            <nz-form-item>
              <nz-form-label nzRequired nzFor="kb-link-name">链接名称</nz-form-label>
              <input
                nz-input
                id="kb-link-name"
                name="name"
                placeholder="请输入链接名称"
                [maxlength]="limits.linkName"
                [disabled]="readonly()"
                [(ngModel)]="linkName"
                data-testid="kb-link-name"
              />
            </nz-form-item>
          }
        }
        <nz-form-item>
          <nz-form-label>分类</nz-form-label>
          <nz-tree-select
            name="categoryId"
            nzPlaceHolder="请选择类别"
            nzDefaultExpandAll
            [nzNodes]="options()"
            [nzDisabled]="readonly()"
            [(ngModel)]="categoryId"
            data-testid="kb-category"
            [nzDisplayWith]="titleAsText"
            [nzTreeTemplate]="plainNode"
          />
          <!-- Names as text: ng-zorro shows a node's title as HTML (shared/html-text.ts). -->
          <ng-template #plainNode let-node>{{ node.title }}</ng-template>
        </nz-form-item>
        @if (kind() === 'scripts') {
          <nz-form-item>
            <nz-form-label nzRequired nzFor="kb-answer">答案</nz-form-label>
            <textarea
              nz-input
              id="kb-answer"
              name="answer"
              rows="6"
              placeholder="请输入答案"
              [maxlength]="limits.answer"
              [disabled]="readonly()"
              [(ngModel)]="answer"
              data-testid="kb-answer"
            ></textarea>
            <span class="card-desc">{{ count(answer) }}/{{ limits.answer }}</span>
          </nz-form-item>
        }
        @if (kind() === 'links') {
          <nz-form-item>
            <nz-form-label nzRequired nzFor="kb-link-url">链接地址</nz-form-label>
            <input
              nz-input
              id="kb-link-url"
              name="url"
              placeholder="请输入链接地址"
              [maxlength]="limits.url"
              [disabled]="readonly()"
              [ngModel]="url()"
              (ngModelChange)="setUrl($event)"
              data-testid="kb-link-url"
            />
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="kb-card-title">卡片标题</nz-form-label>
            <input
              nz-input
              id="kb-card-title"
              name="title"
              placeholder="打开链接时读取，可修改"
              [maxlength]="limits.title"
              [disabled]="readonly()"
              [ngModel]="card().title"
              (ngModelChange)="editCard('title', $event)"
              data-testid="kb-card-title"
            />
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="kb-card-desc">卡片描述</nz-form-label>
            <textarea
              nz-input
              id="kb-card-desc"
              name="description"
              rows="2"
              [maxlength]="limits.description"
              [disabled]="readonly()"
              [ngModel]="card().description"
              (ngModelChange)="editCard('description', $event)"
              data-testid="kb-card-desc"
            ></textarea>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="kb-card-cover">封面图片地址</nz-form-label>
            <input
              nz-input
              id="kb-card-cover"
              name="coverUrl"
              placeholder="http:// 或 https://"
              [disabled]="readonly()"
              [ngModel]="card().coverUrl"
              (ngModelChange)="editCard('coverUrl', $event)"
              data-testid="kb-card-cover"
            />
          </nz-form-item>
          <div class="card" data-testid="kb-card-preview">
            <div class="card-text">
              <div class="card-title">{{ card().title || linkName || url() || '链接标题' }}</div>
              <div class="card-desc">{{ card().description || url() }}</div>
            </div>
            @if (card().coverUrl) {
              <img [src]="card().coverUrl" alt="封面" />
            }
          </div>
        }
      </form>
    </nz-modal>
    <ng-template #footer>
      @if (readonly()) {
        <button nz-button type="button" (click)="cancelled.emit()">关闭</button>
      } @else {
        <button nz-button type="button" (click)="cancelled.emit()">取消</button>
        <button
          nz-button
          nzType="primary"
          type="button"
          [nzLoading]="saving()"
          (click)="submit()"
          data-testid="kb-item-save"
        >
          保存
        </button>
      }
    </ng-template>
  `,
})
export class KnowledgeItemForm implements OnInit {
  protected readonly titleAsText = titleAsText;
  private readonly api = inject(KnowledgeApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  readonly kind = input.required<KnowledgeKind>();
  readonly tree = input.required<KnowledgeTree>();
  /** The item edited or viewed; null: 新建. */
  readonly item = input<KnowledgeItem | null>(null);
  /** The category selected in the tree, for a new item (null: 未分类). */
  readonly defaultCategoryId = input<string | null>(null);
  readonly readonly = input(false);
  readonly saving = input(false);
  readonly saved = output<KnowledgeItemInput>();
  readonly cancelled = output<void>();

  protected readonly limits = {
    question: SCRIPT_QUESTION_MAX,
    similar: SCRIPT_SIMILAR_MAX,
    similarCount: SCRIPT_SIMILAR_COUNT_MAX,
    answer: SCRIPT_ANSWER_MAX,
    content: PHRASE_CONTENT_MAX,
    linkName: LINK_NAME_MAX,
    url: LINK_URL_MAX,
    title: LINK_TITLE_MAX,
    description: LINK_DESCRIPTION_MAX,
  };
  protected readonly title = computed(() => TITLES[this.kind()][this.readonly() ? 2 : this.item() ? 1 : 0]);
  protected readonly options = computed(() => categoryOptions(this.tree().categories));
  protected readonly count = chars;

  protected question = '';
  protected readonly similar = signal<string[]>([]);
  protected answer = '';
  protected content = '';
  protected linkName = '';
  protected categoryId: string | null = null;
  protected readonly url = signal('');
  protected readonly card = signal<LinkPreview>({ title: '', description: '', coverUrl: '' });
  /** The card's fields the operator typed: a later preview leaves them as they are. */
  private readonly edited = new Set<keyof LinkPreview>();
  private readonly urls = new Subject<string>();

  ngOnInit(): void {
    const item = this.item();
    this.categoryId = item?.categoryId ?? this.defaultCategoryId() ?? uncategorizedId(this.tree());
    if (item?.kind === 'scripts') {
      this.question = item.question;
      this.similar.set([...item.similar]);
      this.answer = item.answer;
    } else if (item?.kind === 'phrases') {
      this.content = item.content;
    } else if (item?.kind === 'links') {
      this.linkName = item.name;
      this.url.set(item.url);
      this.card.set({ title: item.title, description: item.description, coverUrl: item.coverUrl });
      // An edited link keeps the card it was saved with until its address changes.
      (['title', 'description', 'coverUrl'] as const).forEach(
        (field) => item[field] && this.edited.add(field),
      );
    }
    this.urls
      .pipe(
        debounceTime(400),
        distinctUntilChanged(),
        filter(isHttpUrl),
        switchMap((url) => this.api.linkPreview(url.trim())),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((preview) => this.fillCard(preview));
  }

  protected addSimilar(): void {
    if (this.similar().length < SCRIPT_SIMILAR_COUNT_MAX) this.similar.update((list) => [...list, '']);
  }

  protected removeSimilar(index: number): void {
    this.similar.update((list) => list.filter((_, i) => i !== index));
  }

  protected setSimilar(index: number, value: string): void {
    this.similar.update((list) => list.map((entry, i) => (i === index ? value : entry)));
  }

  /** A new address reads its page's card (when the page can be read), keeping what the operator typed. */
  protected setUrl(value: string): void {
    if (value.trim() !== this.url().trim()) this.edited.clear();
    this.url.set(value);
    this.urls.next(value);
  }

  protected editCard(field: keyof LinkPreview, value: string): void {
    this.edited.add(field);
    this.card.update((card) => ({ ...card, [field]: value }));
  }

  private fillCard(preview: LinkPreview): void {
    this.card.update((card) => ({
      title: this.edited.has('title')
        ? card.title
        : Array.from(preview.title).slice(0, LINK_TITLE_MAX).join(''),
      description: this.edited.has('description')
        ? card.description
        : Array.from(preview.description).slice(0, LINK_DESCRIPTION_MAX).join(''),
      coverUrl: this.edited.has('coverUrl') ? card.coverUrl : preview.coverUrl,
    }));
  }

  protected submit(): void {
    const problem = this.problem();
    if (problem) {
      this.message.warning(problem);
      return;
    }
    const categoryId = this.categoryId;
    switch (this.kind()) {
      case 'scripts':
        this.saved.emit({
          question: this.question.trim(),
          similar: this.similar()
            .map((entry) => entry.trim())
            .filter(Boolean),
          answer: this.answer.trim(),
          categoryId,
        });
        break;
      case 'phrases':
        this.saved.emit({ content: this.content.trim(), categoryId });
        break;
      case 'links':
        this.saved.emit({
          name: this.linkName.trim(),
          url: this.url().trim(),
          title: this.card().title.trim(),
          description: this.card().description.trim(),
          coverUrl: this.card().coverUrl.trim(),
          categoryId,
        });
        break;
    }
  }

  /** The contract's rules, in its words, before the api checks them again. */
  private problem(): string | null {
    switch (this.kind()) {
      case 'scripts': {
        if (!chars(this.question)) return '请输入问题';
        if (chars(this.question) > SCRIPT_QUESTION_MAX) return `问题名称最多${SCRIPT_QUESTION_MAX}个字`;
        const similar = this.similar().filter((entry) => entry.trim());
        if (similar.length > SCRIPT_SIMILAR_COUNT_MAX) return `相似问最多${SCRIPT_SIMILAR_COUNT_MAX}个`;
        if (similar.some((entry) => chars(entry) > SCRIPT_SIMILAR_MAX))
          return `相似问最多${SCRIPT_SIMILAR_MAX}个字`;
        if (!chars(this.answer)) return '请输入答案';
        if (chars(this.answer) > SCRIPT_ANSWER_MAX) return `答案最多${SCRIPT_ANSWER_MAX}个字`;
        return null;
      }
      case 'phrases':
        if (!chars(this.content)) return '请输入常用语内容';
        if (chars(this.content) > PHRASE_CONTENT_MAX) return `常用语内容最多${PHRASE_CONTENT_MAX}个字`;
        return null;
      case 'links': {
        if (!chars(this.linkName)) return '请输入链接名称';
        if (chars(this.linkName) > LINK_NAME_MAX) return `链接名称最多${LINK_NAME_MAX}个字`;
        if (!this.url().trim()) return '请输入链接地址';
        if (!isHttpUrl(this.url())) return '请输入以http://或https://开头的有效链接';
        const { title, description, coverUrl } = this.card();
        if (chars(title) > LINK_TITLE_MAX) return `卡片标题最多${LINK_TITLE_MAX}个字`;
        if (chars(description) > LINK_DESCRIPTION_MAX) return `卡片描述最多${LINK_DESCRIPTION_MAX}个字`;
        if (coverUrl.trim() && !isHttpUrl(coverUrl)) return '请输入以http://或https://开头的有效链接';
        return null;
      }
    }
  }
}
