import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { AuthService } from '../../../core/auth/auth.service';
import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { CategoryTree } from './category-tree';
import { KnowledgeApi } from './knowledge-api';
import { KnowledgeItemForm } from './knowledge-item-form';
import {
  findPlace,
  itemCount,
  itemTitle,
  KnowledgeFilters,
  KnowledgeItem,
  KnowledgeItemInput,
  KnowledgeKind,
  KnowledgeTree,
  ROOT_NAME,
  SEARCH_PLACEHOLDERS,
} from './knowledge.models';

/** The item form: null closed; a new item; an item to edit or to view. */
type FormState = { mode: 'new' } | { mode: 'edit' | 'view'; item: KnowledgeItem };

/**
 * One tab of 知识库 (R-4-02): its category tree on the left; on the right the items of the selected category and
 * its descendants ("<分类名> N条"), the tab's search, 使用次数 sorted by the server, 最近更新时间 newest first by
 * default, 查看 / 编辑 / 删除 and "+ 新建".
 */
@Component({
  selector: 'app-knowledge-library',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzModalModule,
    NzTableModule,
    ServerTableDirective,
    NzTooltipModule,
    IfPermittedDirective,
    CategoryTree,
    KnowledgeItemForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../../../shared/list-page/list-page.css'],
  styles: `
    .layout {
      display: flex;
      gap: 16px;
      align-items: flex-start;
    }
    .tree {
      width: 280px;
      flex: none;
      border-right: 1px solid #f0f0f0;
      padding-right: 12px;
    }
    .list {
      flex: 1;
      min-width: 0;
    }
    .count {
      color: #888;
      font-size: 14px;
      margin-left: 8px;
    }
    .cell {
      display: inline-block;
      max-width: 360px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      vertical-align: bottom;
    }
  `,
  template: `
    <div class="layout">
      <div class="tree">
        @if (tree(); as t) {
          <app-category-tree
            [kind]="kind()"
            [tree]="t"
            [canEdit]="canEdit()"
            [selected]="categoryId()"
            (selectedChange)="selectCategory($event)"
            (changed)="loadTree()"
          />
        }
      </div>
      <div class="list">
        <h3 class="title" data-testid="kb-list-header">
          {{ categoryName() }}<span class="count">{{ count() }}条</span>
        </h3>
        <form class="filters" (ngSubmit)="search()">
          <input
            nz-input
            name="keyword"
            class="field"
            [placeholder]="placeholder()"
            [(ngModel)]="keyword"
            data-testid="kb-search"
          />
          <button nz-button type="button" (click)="reset()">重置</button>
          <button nz-button nzType="primary" type="submit" data-testid="kb-search-button">查询</button>
          <span class="spacer"></span>
          <button
            *appIfPermitted="'material.knowledge.create'"
            nz-button
            nzType="primary"
            type="button"
            (click)="form.set({ mode: 'new' })"
            data-testid="kb-new"
          >
            <span nz-icon nzType="plus"></span>新建
          </button>
        </form>
        <nz-table data-testid="kb-table" nzSize="middle" [appServerTable]="list">
          <thead>
            <tr>
              <th>{{ firstColumn() }}</th>
              @if (kind() === 'links') {
                <th>链接地址</th>
              }
              <th nzColumnKey="updatedAt" [nzSortFn]="true" nzSortOrder="descend">最近更新时间</th>
              <th nzColumnKey="usageCount" [nzSortFn]="true">使用次数</th>
              <th nzWidth="180px">操作</th>
            </tr>
          </thead>
          <tbody>
            @for (row of list.items(); track row.id) {
              <tr [attr.data-testid]="'kb-row-' + row.id">
                <td>
                  <span class="cell" nz-tooltip [nzTooltipTitle]="titleOf(row)" data-testid="kb-row-title">{{
                    titleOf(row)
                  }}</span>
                </td>
                @if (row.kind === 'links') {
                  <td>
                    <a class="cell" [href]="row.url" target="_blank" rel="noopener noreferrer">{{
                      row.url
                    }}</a>
                  </td>
                }
                <td>{{ formatDateTime(row.updatedAt) }}</td>
                <td data-testid="kb-row-usage">{{ row.usageCount }}</td>
                <td>
                  <button
                    nz-button
                    nzType="link"
                    nzSize="small"
                    type="button"
                    (click)="open('view', row)"
                    data-testid="kb-view"
                  >
                    查看
                  </button>
                  <button
                    *appIfPermitted="'material.knowledge.edit'"
                    nz-button
                    nzType="link"
                    nzSize="small"
                    type="button"
                    (click)="open('edit', row)"
                    data-testid="kb-edit"
                  >
                    编辑
                  </button>
                  <button
                    *appIfPermitted="'material.knowledge.delete'"
                    nz-button
                    nzType="link"
                    nzSize="small"
                    nzDanger
                    type="button"
                    (click)="confirmDelete(row)"
                    data-testid="kb-delete"
                  >
                    删除
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </div>
    </div>

    @if (form(); as state) {
      @if (tree(); as t) {
        <app-knowledge-item-form
          [kind]="kind()"
          [tree]="t"
          [item]="state.mode === 'new' ? null : state.item"
          [defaultCategoryId]="categoryId()"
          [readonly]="state.mode === 'view'"
          [saving]="saving()"
          (saved)="save($event)"
          (cancelled)="form.set(null)"
        />
      }
    }
  `,
})
export class KnowledgeLibrary implements OnInit {
  private readonly api = inject(KnowledgeApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  readonly kind = input.required<KnowledgeKind>();

  protected readonly formatDateTime = formatDateTime;
  protected readonly titleOf = itemTitle;
  protected readonly tree = signal<KnowledgeTree | null>(null);
  /** The selected category; null: 全部问题. */
  protected readonly categoryId = signal<string | null>(null);
  protected readonly form = signal<FormState | null>(null);
  protected readonly saving = signal(false);
  protected keyword = '';

  protected readonly canEdit = computed(() => this.auth.can('material.knowledge.edit'));
  protected readonly placeholder = computed(() => SEARCH_PLACEHOLDERS[this.kind()]);
  protected readonly firstColumn = computed(
    () => ({ scripts: '问题名称', phrases: '常用语内容', links: '链接名称' })[this.kind()],
  );
  protected readonly categoryName = computed(() => {
    const id = this.categoryId();
    const tree = this.tree();
    return (id && tree && findPlace(tree.categories, id)?.node.name) || ROOT_NAME;
  });
  protected readonly count = computed(() => {
    const tree = this.tree();
    return tree ? itemCount(tree, this.categoryId()) : 0;
  });

  protected readonly list = new ServerTable<KnowledgeItem, KnowledgeFilters>({
    filters: {},
    // 最近更新时间 newest first until a column header says otherwise (I-71).
    fetch: ({ filters, page, pageSize, sort }) =>
      this.api.list(this.kind(), filters, page, pageSize, sort ?? { key: 'updatedAt', order: 'descend' }),
  });

  ngOnInit(): void {
    this.loadTree();
    this.list.reload();
  }

  protected loadTree(): void {
    this.api.tree(this.kind()).subscribe((tree) => {
      this.tree.set(tree);
      // A category deleted or moved away by someone else: back to 全部问题.
      const id = this.categoryId();
      if (id && !findPlace(tree.categories, id)) this.selectCategory(null);
    });
  }

  protected selectCategory(id: string | null): void {
    this.categoryId.set(id);
    this.search();
  }

  protected search(): void {
    this.list.search({
      categoryId: this.categoryId() ?? undefined,
      keyword: this.keyword.trim() || undefined,
    });
  }

  protected reset(): void {
    this.keyword = '';
    this.search();
  }

  /** 查看 / 编辑 read the item again, so the form shows what is saved now. */
  protected open(mode: 'view' | 'edit', row: KnowledgeItem): void {
    this.api.get(this.kind(), row.id).subscribe((item) => this.form.set({ mode, item }));
  }

  protected save(input: KnowledgeItemInput): void {
    const state = this.form();
    if (!state || state.mode === 'view') return;
    this.saving.set(true);
    const request =
      state.mode === 'new'
        ? this.api.create(this.kind(), input)
        : this.api.update(this.kind(), state.item.id, input);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.form.set(null);
        this.message.success('保存成功');
        this.loadTree();
        this.list.reload();
      },
      error: () => this.saving.set(false),
    });
  }

  protected confirmDelete(row: KnowledgeItem): void {
    this.modal.confirm({
      nzTitle: '是否确认删除？',
      nzContent: itemTitle(row),
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () =>
        this.api.remove(this.kind(), row.id).subscribe(() => {
          this.message.success('删除成功');
          this.loadTree();
          this.list.reload();
        }),
    });
  }
}
