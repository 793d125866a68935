import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NzFormatBeforeDropEvent, NzFormatEmitEvent, NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { NzTreeModule } from 'ng-zorro-antd/tree';
import { Observable, of } from 'rxjs';

import {
  DELETE_NOT_EMPTY_MESSAGE,
  hasChildren,
  MOVE_WITH_CHILDREN_CONFIRM,
  MoveTarget,
  moveProblem,
  moveTargetOf,
} from './department-edits';
import { asDropTargets, departmentIdOfKey } from './department-tree';
import { Department } from './org.models';

export interface DepartmentMove {
  id: number;
  target: MoveTarget;
}

/**
 * The department tree with its keyword search (R-7.1.1-03); clicking a department selects it. When the org
 * may be edited: "+" on the corp root, a "…" menu per department (重命名, 添加子部门, 删除) and drag and drop
 * (R-7.1.1-06/07), with the confirmation for a department that has children (R-7.1.1-08).
 */
@Component({
  selector: 'app-department-panel',
  imports: [
    NzTreeModule,
    NzInputModule,
    NzIconModule,
    NzSpinModule,
    NzButtonModule,
    NzDropDownModule,
    NzTagModule,
    NzTooltipModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-input-wrapper class="search" nzAllowClear>
      <input
        nz-input
        placeholder="请输入关键字"
        [value]="keyword()"
        (input)="keyword.set($any($event.target).value.trim())"
        data-testid="org-tree-search"
      />
      <nz-icon nzInputSuffix nzType="search" />
    </nz-input-wrapper>
    <nz-spin [nzSpinning]="loading()">
      <nz-tree
        data-testid="org-tree"
        nzBlockNode
        nzHideUnMatched
        [nzData]="treeNodes()"
        [nzSearchValue]="keyword()"
        [nzSearchFunc]="isShown"
        [nzSelectedKeys]="selectedKeys()"
        [nzDraggable]="editable()"
        [nzBeforeDrop]="beforeDrop"
        [nzTreeTemplate]="nodeTemplate"
        (nzClick)="selectNode($event)"
      />
    </nz-spin>
    <ng-template #nodeTemplate let-node>
      <span class="node" [class.empty]="node.origin.empty" [attr.data-testid]="'org-node-' + node.key">
        <span class="title">{{ node.title }}</span>
        @if (node.origin.writeBack; as mark) {
          <nz-tag
            class="mark"
            [nzColor]="mark.status === 'failed' ? 'error' : 'processing'"
            nz-tooltip
            [nzTooltipTitle]="mark.message || '正在同步到企业微信'"
            data-testid="org-node-write-back"
          >
            {{ mark.status === 'failed' ? '同步失败' : '同步中' }}
          </nz-tag>
        }
        @if (editable()) {
          @if (!node.origin.isCorpRoot) {
            <!-- R-7.1.1-06: the drag icon shows on hover; the whole row can be dragged. -->
            <nz-icon class="action drag-handle" nzType="holder" title="拖动以调整顺序或上级部门" />
          }
          @if (node.origin.isCorpRoot) {
            <button
              nz-button
              nzType="text"
              nzSize="small"
              class="action"
              title="添加部门"
              (click)="$event.stopPropagation(); addChild.emit(idOf(node.key))"
              data-testid="org-root-add"
            >
              <nz-icon nzType="plus" />
            </button>
          }
          <button
            nz-button
            nzType="text"
            nzSize="small"
            class="action more"
            nz-dropdown
            nzTrigger="click"
            [nzDropdownMenu]="menu"
            (click)="$event.stopPropagation()"
            [attr.data-testid]="'org-node-menu-' + node.key"
          >
            …
          </button>
          <nz-dropdown-menu #menu="nzDropdownMenu">
            <ul nz-menu>
              <!-- The corp root shows the corp's name from the WeCom binding: it is not renamed here. -->
              @if (!node.origin.isCorpRoot) {
                <li
                  nz-menu-item
                  tabindex="0"
                  (click)="rename.emit(idOf(node.key))"
                  (keydown.enter)="rename.emit(idOf(node.key))"
                  data-testid="org-node-rename"
                >
                  重命名
                </li>
              }
              <li
                nz-menu-item
                tabindex="0"
                (click)="addChild.emit(idOf(node.key))"
                (keydown.enter)="addChild.emit(idOf(node.key))"
                data-testid="org-node-add-child"
              >
                添加子部门
              </li>
              @if (!node.origin.isCorpRoot) {
                <li
                  nz-menu-item
                  nzDanger
                  tabindex="0"
                  (click)="askDelete(idOf(node.key))"
                  (keydown.enter)="askDelete(idOf(node.key))"
                  data-testid="org-node-delete"
                >
                  删除
                </li>
              }
            </ul>
          </nz-dropdown-menu>
        }
      </span>
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
    }
    .search {
      margin-bottom: 12px;
    }
    .node {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      width: 100%;
    }
    .title {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .mark {
      margin: 0;
    }
    .action {
      visibility: hidden;
      padding: 0 4px;
    }
    .node:hover .action {
      visibility: visible;
    }
    /* An empty department is a non-leaf only to accept drops (asDropTargets): no expand icon. */
    :host ::ng-deep nz-tree-node:has(.node.empty) .ant-tree-switcher {
      visibility: hidden;
    }
    .drag-handle {
      cursor: grab;
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class DepartmentPanel {
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  readonly nodes = input.required<NzTreeNodeOptions[]>();
  /** The flat list the tree was built from: the drag-and-drop checks need it. */
  readonly departments = input<Department[]>([]);
  readonly editable = input(false);
  /** The selected department; null = none (the whole corp). */
  readonly selectedId = input<number | null>(null);
  readonly loading = input(false);
  readonly departmentSelect = output<number | null>();
  readonly addChild = output<number>();
  readonly rename = output<number>();
  readonly remove = output<number>();
  readonly move = output<DepartmentMove>();

  protected readonly keyword = signal('');
  protected readonly treeNodes = computed(() =>
    this.editable() ? asDropTargets(this.nodes()) : this.nodes(),
  );
  protected readonly selectedKeys = computed(() => {
    const id = this.selectedId();
    return id === null ? [] : [String(id)];
  });

  protected idOf(key: string): number {
    return departmentIdOfKey(key) ?? 0;
  }

  /**
   * nz-tree's search matcher. With a keyword: titles containing it. Without one (the keyword was cleared),
   * nz-tree would collapse everything, so the first level and the selected department count as matched,
   * which keeps them in view.
   */
  protected readonly isShown = (node: NzTreeNodeOptions): boolean => {
    const keyword = this.keyword().toLowerCase();
    if (keyword) return node.title.toLowerCase().includes(keyword);
    return this.firstLevelKeys().has(node.key) || node.key === this.selectedKeys()[0];
  };

  private readonly firstLevelKeys = computed(
    () => new Set(this.nodes().flatMap((root) => (root.children ?? []).map((child) => child.key))),
  );

  /**
   * Every drop is decided here and sent to the server; the tree itself never moves the node (it is redrawn
   * from the server's answer), so a refused move leaves nothing to undo.
   */
  protected readonly beforeDrop = (event: NzFormatBeforeDropEvent): Observable<boolean> => {
    const dragId = departmentIdOfKey(event.dragNode.key);
    const targetId = departmentIdOfKey(event.node.key);
    if (dragId === null || targetId === null) return of(false);
    const departments = this.departments();
    // The corp root stays where it is.
    if (departments.find((d) => d.id === dragId)?.parentId === 0) return of(false);
    const target = moveTargetOf(departments, dragId, targetId, event.pos);
    if (!target) return of(false);
    const problem = moveProblem(departments, dragId, target);
    if (problem) {
      this.message.warning(problem);
      return of(false);
    }
    if (hasChildren(departments, dragId)) {
      this.modal.confirm({
        nzTitle: MOVE_WITH_CHILDREN_CONFIRM,
        nzOkText: '确定',
        nzCancelText: '取消',
        nzOnOk: () => this.move.emit({ id: dragId, target }),
      });
    } else {
      this.move.emit({ id: dragId, target });
    }
    return of(false);
  };

  protected askDelete(id: number): void {
    if (hasChildren(this.departments(), id)) {
      this.message.warning(DELETE_NOT_EMPTY_MESSAGE);
      return;
    }
    this.modal.confirm({
      nzTitle: '是否确认删除该部门？',
      nzOkText: '确定',
      nzCancelText: '取消',
      nzOnOk: () => this.remove.emit(id),
    });
  }

  protected selectNode(event: NzFormatEmitEvent): void {
    const node = event.node;
    if (!node) return;
    const id = departmentIdOfKey(node.key);
    this.departmentSelect.emit(id !== null && id === this.selectedId() ? null : id);
  }
}
