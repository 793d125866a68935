import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable, retry, throwError, timer } from 'rxjs';

import { callerShowsErrors } from '../../core/net/api-error';
import type { PageOf } from '../../shared/server-table/server-table';
import { H5KnowledgeQuery, KnowledgeItem, KnowledgeTree, UsePress } from './h5-knowledge.models';

/** Attempts after the first to record a press whose answer was lost (no answer, or the server failing). */
const USE_RETRIES = 2;

/** The side panel's 知识库 endpoints under /api/h5/knowledge. */
@Injectable({ providedIn: 'root' })
export class H5KnowledgeApi {
  private readonly http = inject(HttpClient);

  search(query: H5KnowledgeQuery, page: number, pageSize: number): Observable<PageOf<KnowledgeItem>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (query.kind) params = params.set('kind', query.kind);
    if (query.categoryId) params = params.set('categoryId', query.categoryId);
    if (query.keyword?.trim()) params = params.set('keyword', query.keyword.trim());
    return this.http.get<PageOf<KnowledgeItem>>('/api/h5/knowledge', { params });
  }

  /** The three libraries' category trees, to browse one by category. */
  trees(): Observable<KnowledgeTree[]> {
    return this.http.get<KnowledgeTree[]>('/api/h5/knowledge/trees');
  }

  /**
   * Adds the press to 使用次数. A lost answer is asked again with the same actionId, so the server counts the
   * press once however many times it arrives; a refusal (4xx) is not retried.
   */
  use(press: UsePress): Observable<{ usageCount: number; counted: boolean }> {
    return this.http
      .post<{ usageCount: number; counted: boolean }>(
        `/api/h5/knowledge/${encodeURIComponent(press.itemId)}/use`,
        { action: press.action, actionId: press.actionId },
        // The panel says what went wrong once, after the last attempt, rather than once per attempt.
        { context: callerShowsErrors() },
      )
      .pipe(
        retry({
          count: USE_RETRIES,
          delay: (error: unknown, attempt) =>
            error instanceof HttpErrorResponse && (error.status === 0 || error.status >= 500)
              ? timer(500 * attempt)
              : throwError(() => error),
        }),
      );
  }
}
