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
const items = (kind: KnowledgeKind) => `${BASE}/${kind}/items`;
const item = (kind: KnowledgeKind, id: string) => `${items(kind)}/${encodeURIComponent(id)}`;

/** The 知识库 endpoints under /api/knowledge (lib/contracts/knowledge.contract.ts). */
@Injectable({ providedIn: 'root' })
export class KnowledgeApi {
  private readonly http = inject(HttpClient);

  tree(kind: KnowledgeKind): Observable<KnowledgeTree> {
    return this.http.get<KnowledgeTree>(`${BASE}/${kind}/tree`);
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
    return this.http.get<PageOf<KnowledgeItem>>(items(kind), { params });
  }

  get(kind: KnowledgeKind, id: string): Observable<KnowledgeItem> {
    return this.http.get<KnowledgeItem>(item(kind, id));
  }

  create(kind: KnowledgeKind, input: KnowledgeItemInput): Observable<KnowledgeItem> {
    return this.http.post<KnowledgeItem>(items(kind), input);
  }

  update(kind: KnowledgeKind, id: string, input: KnowledgeItemInput): Observable<KnowledgeItem> {
    return this.http.put<KnowledgeItem>(item(kind, id), input);
  }

  remove(kind: KnowledgeKind, id: string): Observable<unknown> {
    return this.http.delete(item(kind, id));
  }

  linkPreview(url: string): Observable<LinkPreview> {
    return this.http.get<LinkPreview>(`${BASE}/link-preview`, { params: new HttpParams().set('url', url) });
  }
}
