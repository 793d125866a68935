import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import type { PageOf, TableSort } from '../../../shared/server-table/server-table';
import {
  CategoryMove,
  KnowledgeCategoryNode,
  KnowledgeFilters,
  KnowledgeItem,
  KnowledgeItemInput,
  KnowledgeKind,
  KnowledgeTree,
  LinkPreview,
} from './knowledge.models';

const BASE = '/api/knowledge';
const categories = (kind: KnowledgeKind) => `${BASE}/${kind}/categories`;
const category = (kind: KnowledgeKind, id: string) => `${categories(kind)}/${encodeURIComponent(id)}`;
const item = (id: string) => `${BASE}/items/${encodeURIComponent(id)}`;

/** The 知识库 endpoints under /api/knowledge (lib/contracts/knowledge.contract.ts). */
@Injectable({ providedIn: 'root' })
export class KnowledgeApi {
  private readonly http = inject(HttpClient);

  tree(kind: KnowledgeKind): Observable<KnowledgeTree> {
    return this.http.get<KnowledgeTree>(categories(kind));
  }

  createCategory(
    kind: KnowledgeKind,
    name: string,
    parentId: string | null,
  ): Observable<KnowledgeCategoryNode> {
    return this.http.post<KnowledgeCategoryNode>(categories(kind), { name, parentId });
  }

  renameCategory(kind: KnowledgeKind, id: string, name: string): Observable<unknown> {
    return this.http.patch(category(kind, id), { name });
  }

  deleteCategory(kind: KnowledgeKind, id: string): Observable<unknown> {
    return this.http.delete(category(kind, id));
  }

  moveCategory(kind: KnowledgeKind, id: string, move: CategoryMove): Observable<unknown> {
    return this.http.put(`${category(kind, id)}/position`, move);
  }

  list(
    kind: KnowledgeKind,
    filters: KnowledgeFilters,
    page: number,
    pageSize: number,
    sort: TableSort | null,
  ): Observable<PageOf<KnowledgeItem>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (filters.categoryId) params = params.set('categoryId', filters.categoryId);
    if (filters.keyword?.trim()) params = params.set('keyword', filters.keyword.trim());
    if (sort) params = params.set('sort', sort.key).set('order', sort.order === 'ascend' ? 'asc' : 'desc');
    return this.http.get<PageOf<KnowledgeItem>>(`${BASE}/${kind}/items`, { params });
  }

  get(id: string): Observable<KnowledgeItem> {
    return this.http.get<KnowledgeItem>(item(id));
  }

  create(kind: KnowledgeKind, input: KnowledgeItemInput): Observable<KnowledgeItem> {
    return this.http.post<KnowledgeItem>(`${BASE}/${kind}/items`, input);
  }

  update(id: string, input: KnowledgeItemInput): Observable<KnowledgeItem> {
    return this.http.put<KnowledgeItem>(item(id), input);
  }

  remove(id: string): Observable<unknown> {
    return this.http.delete(item(id));
  }

  linkPreview(url: string): Observable<LinkPreview> {
    return this.http.get<LinkPreview>(`${BASE}/link-preview`, { params: new HttpParams().set('url', url) });
  }
}
