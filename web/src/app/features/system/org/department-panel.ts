import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { NzFormatEmitEvent, NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTreeModule } from 'ng-zorro-antd/tree';

import { departmentIdOfKey } from './department-tree';

/** The department tree with its keyword search (R-7.1.1-03); clicking a department selects it. */
@Component({
  selector: 'app-department-panel',
  imports: [NzTreeModule, NzInputModule, NzIconModule, NzSpinModule],
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
        [nzData]="nodes()"
        [nzSearchValue]="keyword()"
        [nzSearchFunc]="isShown"
        [nzSelectedKeys]="selectedKeys()"
        (nzClick)="selectNode($event)"
      />
    </nz-spin>
  `,
  styles: `
    :host {
      display: block;
    }
    .search {
      margin-bottom: 12px;
    }
  `,
})
export class DepartmentPanel {
  readonly nodes = input.required<NzTreeNodeOptions[]>();
  /** The selected department; null = none (the whole corp). */
  readonly selectedId = input<number | null>(null);
  readonly loading = input(false);
  readonly departmentSelect = output<number | null>();

  protected readonly keyword = signal('');
  protected readonly selectedKeys = computed(() => {
    const id = this.selectedId();
    return id === null ? [] : [String(id)];
  });

  /** Clicking the selected department again clears the filter; the tree's own toggle state is not trusted. */
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

  protected selectNode(event: NzFormatEmitEvent): void {
    const node = event.node;
    if (!node) return;
    const id = departmentIdOfKey(node.key);
    this.departmentSelect.emit(id !== null && id === this.selectedId() ? null : id);
  }
}
