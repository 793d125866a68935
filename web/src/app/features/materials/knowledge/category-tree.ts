import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { NzFormatBeforeDropEvent, NzTreeModule, NzTreeNodeOptions } from 'ng-zorro-antd/tree';
import { Observable, of } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { escapeHtml } from '../../../shared/html-text';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { KnowledgeApi } from './knowledge-api';
import {
  CATEGORY_NAME_MAX,
  cutName,
  KnowledgeCategoryNode,
  KnowledgeKind,
  KnowledgeTree,
  moveRequestOf,
  nodeMenu,
  ROOT_KEY,
  ROOT_NAME,
} from './knowledge.models';

/** The name dialog: a new category under `parentId` (null: first level), or a new name for `id`. */
type NameDialog = { mode: 'add'; parentId: string | null } | { mode: 'rename'; id: string };

/**
 * The category tree of one library (R-4.1.1-01 … 07), the same for 话术库, 常用语 and 常用链接: root 全部问题 with
 * "+", the fixed 未分类, each node's "…" menu (添加子菜单 / 修改名称 / 删除), names cut past 30 characters, drag to
 * reorder or re-parent, and the keyword search. Every change goes to the server and then asks for the tree again
 * (`changed`), so the tree shown is always the server's, whatever another operator did meanwhile.
 */
@Component({
  selector: 'app-category-tree',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzDropDownModule,
    NzModalModule,
    NzTooltipModule,
    NzTreeModule,
    IfPermittedDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .search {
      margin-bottom: 8px;
    }
    .node {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .actions {
      visibility: hidden;
      color: #1677ff;
      padding: 0 4px;
    }
    .node:hover .actions,
    .actions.root {
      visibility: visible;
    }
  `,
  template: `
    <input
      nz-input
      class="search"
      placeholder="请输入关键字"
      [ngModel]="keyword()"
      (ngModelChange)="keyword.set($event)"
      data-testid="kb-tree-search"
    />
    <nz-tree
      nzBlockNode
      nzHideUnMatched
      [nzDraggable]="canEdit()"
      [nzData]="nodes()"
      [nzSearchValue]="keyword()"
      [nzSearchFunc]="matches"
      [nzSelectedKeys]="[selected() ?? rootKey]"
      [nzExpandedKeys]="expanded()"
      [nzBeforeDrop]="beforeDrop"
      [nzTreeTemplate]="nodeTemplate"
      (nzExpandChange)="expanded.set($event.keys ?? [])"
      (nzClick)="select($event.node?.key ?? rootKey)"
      data-testid="kb-tree"
    />
    <ng-template #nodeTemplate let-node>
      <span class="node" [attr.data-testid]="'kb-node-' + node.origin.name">
        <span nz-tooltip [nzTooltipTitle]="node.origin.name.length > nameMax ? node.origin.name : null">
          {{ node.title }}
        </span>
        @if (node.key === rootKey) {
          <button
            *appIfPermitted="'material.knowledge.create'"
            nz-button
            nzType="text"
            nzSize="small"
            class="actions root"
            type="button"
            title="新建分类"
            (click)="$event.stopPropagation(); openAdd(null)"
            data-testid="kb-root-add"
          >
            <nz-icon nzType="plus" />
          </button>
        } @else if (menuOf(node.origin, node.level); as menu) {
          @if (canEdit() && !node.origin.fixed) {
            <!-- R-4.1.1-06: the drag icon shows on hover; the whole row can be dragged. -->
            <nz-icon class="actions" nzType="holder" title="拖动以调整顺序或上级分类" />
          }
          @if (menu.addChild || menu.rename || menu.remove) {
            <button
              nz-button
              nzType="text"
              nzSize="small"
              class="actions"
              type="button"
              nz-dropdown
              nzTrigger="click"
              [nzDropdownMenu]="nodeMenu"
              (click)="$event.stopPropagation()"
              data-testid="kb-node-menu"
            >
              …
            </button>
            <nz-dropdown-menu #nodeMenu="nzDropdownMenu">
              <ul nz-menu>
                @if (menu.addChild) {
                  <li
                    *appIfPermitted="'material.knowledge.create'"
                    nz-menu-item
                    tabindex="0"
                    (click)="openAdd(node.key)"
                    (keydown.enter)="openAdd(node.key)"
                    data-testid="kb-node-add"
                  >
                    添加子菜单
                  </li>
                }
                <li
                  *appIfPermitted="'material.knowledge.edit'"
                  nz-menu-item
                  tabindex="0"
                  (click)="openRename(node.key, node.origin.name)"
                  (keydown.enter)="openRename(node.key, node.origin.name)"
                  data-testid="kb-node-rename"
                >
                  修改名称
                </li>
                <li
                  *appIfPermitted="'material.knowledge.delete'"
                  nz-menu-item
                  nzDanger
                  tabindex="0"
                  (click)="confirmDelete(node.key, node.origin.name)"
                  (keydown.enter)="confirmDelete(node.key, node.origin.name)"
                  data-testid="kb-node-delete"
                >
                  删除
                </li>
              </ul>
            </nz-dropdown-menu>
          }
        }
      </span>
    </ng-template>

    <nz-modal
      [nzVisible]="dialog() !== null"
      [nzTitle]="dialog()?.mode === 'rename' ? '修改名称' : '添加分类'"
      [nzFooter]="dialogFooter"
      (nzOnCancel)="dialog.set(null)"
    >
      <div *nzModalContent>
        <input
          nz-input
          placeholder="请输入分类名称"
          [maxlength]="nameMax"
          [ngModel]="name()"
          (ngModelChange)="name.set($event)"
          (keyup.enter)="saveName()"
          data-testid="kb-category-name"
        />
      </div>
    </nz-modal>
    <ng-template #dialogFooter>
      <button nz-button type="button" (click)="dialog.set(null)">取消</button>
      <button
        nz-button
        nzType="primary"
        type="button"
        [nzLoading]="saving()"
        (click)="saveName()"
        data-testid="kb-category-save"
      >
        确定
      </button>
    </ng-template>
  `,
})
export class CategoryTree {
  private readonly api = inject(KnowledgeApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  readonly kind = input.required<KnowledgeKind>();
  readonly tree = input.required<KnowledgeTree>();
  /** Whether this person may drag (material.knowledge.edit); the api checks it again. */
  readonly canEdit = input(false);
  /** The selected category; null: 全部问题. */
  readonly selected = model<string | null>(null);
  /** A change was saved: the owner reads the tree again. */
  readonly changed = output<void>();

  protected readonly rootKey = ROOT_KEY;
  protected readonly nameMax = CATEGORY_NAME_MAX;
  protected readonly keyword = signal('');
  protected readonly expanded = signal<string[]>([ROOT_KEY]);
  protected readonly dialog = signal<NameDialog | null>(null);
  protected readonly name = signal('');
  protected readonly saving = signal(false);

  /**
   * The tree as nz-tree takes it. nz-tree rebuilds its nodes from new data with each node's own `expanded`, so
   * the nodes open now stay open when the tree is read again (read without tracking: opening a node is the
   * tree's own business, and must not rebuild it).
   */
  protected readonly nodes = computed<NzTreeNodeOptions[]>(() => {
    const open = new Set(untracked(this.expanded));
    return [
      {
        key: ROOT_KEY,
        title: ROOT_NAME,
        name: ROOT_NAME,
        expanded: open.has(ROOT_KEY),
        isLeaf: this.tree().categories.length === 0,
        children: this.tree().categories.map((node) => toNode(node, open)),
      },
    ];
  });

  /** The search looks at whole names, not the cut titles. */
  protected readonly matches = (node: NzTreeNodeOptions): boolean =>
    typeof node['name'] === 'string' && node['name'].includes(this.keyword().trim());

  protected readonly menuOf = (node: KnowledgeCategoryNode, level: number) => nodeMenu(node, level);

  /** nz-tree asks before it moves a node: the server moves it (or a rule refuses), then the tree is read again. */
  protected readonly beforeDrop = (event: NzFormatBeforeDropEvent): Observable<boolean> => {
    const result = moveRequestOf(this.tree().categories, event.dragNode.key, event.node.key, event.pos);
    if ('refused' in result) {
      this.message.warning(result.refused);
    } else {
      this.api.moveCategory(this.kind(), event.dragNode.key, result.move).subscribe({
        next: () => {
          this.message.success('移动成功');
          this.changed.emit();
        },
        error: () => this.changed.emit(),
      });
    }
    return of(false);
  };

  protected select(key: string): void {
    this.selected.set(key === ROOT_KEY ? null : key);
  }

  protected openAdd(parentId: string | null): void {
    this.name.set('');
    this.dialog.set({ mode: 'add', parentId });
  }

  protected openRename(id: string, current: string): void {
    this.name.set(current);
    this.dialog.set({ mode: 'rename', id });
  }

  protected saveName(): void {
    const dialog = this.dialog();
    const name = this.name().trim();
    if (!dialog || this.saving()) return;
    if (!name) {
      this.message.warning('请输入分类名称');
      return;
    }
    if (Array.from(name).length > CATEGORY_NAME_MAX) {
      this.message.warning(`分类名称最多${CATEGORY_NAME_MAX}个字`);
      return;
    }
    this.saving.set(true);
    const request =
      dialog.mode === 'add'
        ? this.api.createCategory(this.kind(), name, dialog.parentId)
        : this.api.renameCategory(this.kind(), dialog.id, name);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.dialog.set(null);
        if (dialog.mode === 'add' && dialog.parentId) {
          this.expanded.update((keys) =>
            keys.includes(dialog.parentId!) ? keys : [...keys, dialog.parentId!],
          );
        }
        this.message.success(dialog.mode === 'add' ? '添加成功' : '修改成功');
        this.changed.emit();
      },
      error: () => this.saving.set(false),
    });
  }

  /** 删除 (R-4.1.1-05): the server refuses a category with sub-categories or items (请先清除该分类下内容再进行删除). */
  protected confirmDelete(id: string, name: string): void {
    this.modal.confirm({
      // nzTitle is shown as HTML.
      nzTitle: `是否确认删除分类“${escapeHtml(name)}”？`,
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () =>
        this.api.deleteCategory(this.kind(), id).subscribe(() => {
          this.message.success('删除成功');
          if (this.selected() === id) this.selected.set(null);
          this.changed.emit();
        }),
    });
  }
}

function toNode(node: KnowledgeCategoryNode, open: Set<string>): NzTreeNodeOptions {
  return {
    key: node.id,
    title: cutName(node.name),
    name: node.name,
    fixed: node.fixed,
    expanded: open.has(node.id),
    isLeaf: node.children.length === 0,
    children: node.children.map((child) => toNode(child, open)),
  };
}
