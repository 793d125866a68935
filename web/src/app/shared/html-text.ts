import type { NzTreeNode } from 'ng-zorro-antd/core/tree';

/**
 * Some ng-zorro inputs take a string as HTML (a confirm's nzTitle, a tree-select's chosen labels): Angular's
 * sanitizer keeps scripts out, yet a name from WeCom or an operator like `<img src=x>` would still become markup.
 * Escaped first, it reads as the text it is.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** nz-tree-select's nzDisplayWith for the chosen labels, which it shows as HTML. */
export const titleAsText = (node: NzTreeNode): string => escapeHtml(node.title);
