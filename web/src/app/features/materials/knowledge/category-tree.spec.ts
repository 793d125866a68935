import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../../../core/auth/auth.service';
import { CategoryTree } from './category-tree';
import { KnowledgeCategoryNode, KnowledgeTree, ROOT_KEY } from './knowledge.models';

const node = (id: string, name: string, children: KnowledgeCategoryNode[] = [], fixed = false) => ({
  id,
  name,
  fixed,
  children,
});
const LONG = '这是一个非常非常长的分类名称用来检查树上的名称会不会被截断显示出来吧';
const TREE: KnowledgeTree = {
  kind: 'scripts',
  categories: [
    node('uncategorized', '未分类', [], true),
    node('a', '一级', [node('b', '二级', [node('c', '三级', [node('d', LONG)])])]),
  ],
  counts: {},
};

describe('CategoryTree (the 知识库 category tree, R-4.1.1-01…07)', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [CategoryTree],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        provideNzIcons([]),
        { provide: AuthService, useValue: { can: () => true } },
      ],
    });
    const fixture = TestBed.createComponent(CategoryTree);
    fixture.componentRef.setInput('kind', 'scripts');
    fixture.componentRef.setInput('tree', TREE);
    fixture.componentRef.setInput('canEdit', true);
    // Everything open, as after the operator opened each level.
    (fixture.componentInstance as unknown as { expanded: { set(keys: string[]): void } }).expanded.set([
      ROOT_KEY,
      'a',
      'b',
      'c',
    ]);
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 50));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows 全部问题 with "+", 未分类 without a menu, and cuts names past 30 characters', async () => {
    const element = await render();
    expect(
      element.querySelector('[data-testid="kb-node-全部问题"] [data-testid="kb-root-add"]'),
    ).not.toBeNull();
    expect(element.querySelector('[data-testid="kb-node-未分类"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="kb-node-未分类"] [data-testid="kb-node-menu"]')).toBeNull();
    const long = element.querySelector(`[data-testid="kb-node-${LONG}"]`);
    expect(long?.textContent).toContain(`${Array.from(LONG).slice(0, 30).join('')}...`);
    // Every other level has its "…" menu.
    for (const name of ['一级', '二级', '三级', LONG]) {
      expect(
        element.querySelector(`[data-testid="kb-node-${name}"] [data-testid="kb-node-menu"]`),
      ).not.toBeNull();
    }
  });
});
