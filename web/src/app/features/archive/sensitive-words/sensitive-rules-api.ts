import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  RuleSort,
  RuleStatusFilter,
  SensitiveRule,
  SensitiveRuleInput,
  SensitiveRulePage,
} from './sensitive-rules.models';

/** The 敏感消息管理 endpoints under /api/sensitive-rules. */
@Injectable({ providedIn: 'root' })
export class SensitiveRulesApi {
  private readonly http = inject(HttpClient);

  list(
    filters: { keyword: string; status: RuleStatusFilter; sort: RuleSort },
    page: number,
    pageSize: number,
  ): Observable<SensitiveRulePage> {
    let params = new HttpParams()
      .set('page', page)
      .set('pageSize', pageSize)
      .set('status', filters.status)
      .set('sort', filters.sort);
    if (filters.keyword.trim()) params = params.set('keyword', filters.keyword.trim());
    return this.http.get<SensitiveRulePage>('/api/sensitive-rules', { params });
  }

  create(input: SensitiveRuleInput): Observable<SensitiveRule> {
    return this.http.post<SensitiveRule>('/api/sensitive-rules', input);
  }

  edit(id: string, input: SensitiveRuleInput): Observable<SensitiveRule> {
    return this.http.put<SensitiveRule>(`/api/sensitive-rules/${encodeURIComponent(id)}`, input);
  }

  setEnabled(id: string, enabled: boolean): Observable<SensitiveRule> {
    return this.http.put<SensitiveRule>(`/api/sensitive-rules/${encodeURIComponent(id)}/enabled`, {
      enabled,
    });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/sensitive-rules/${encodeURIComponent(id)}`);
  }
}
