import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  ArchiveConversation,
  ArchiveCustomer,
  ArchiveMessagePage,
  ArchiveRange,
  ArchiveSearchHit,
  ArchiveSubject,
  ChatKind,
  MessageFilters,
  Page,
} from './archive.models';

const subjectParams = (subject: ArchiveSubject): Record<string, string> =>
  subject.kind === 'staff'
    ? { staffUserid: subject.staffUserid }
    : { externalUserid: subject.externalUserid };

/** The 内容存档 endpoints under /api/archive. */
@Injectable({ providedIn: 'root' })
export class ArchiveApi {
  private readonly http = inject(HttpClient);

  conversations(
    subject: ArchiveSubject,
    range: ArchiveRange,
    chatKind: ChatKind | null,
    page: number,
  ): Observable<Page<ArchiveConversation>> {
    let params = new HttpParams({ fromObject: subjectParams(subject) })
      .set('range', range)
      .set('page', page)
      .set('pageSize', 20);
    if (chatKind) params = params.set('chatKind', chatKind);
    return this.http.get<Page<ArchiveConversation>>('/api/archive/conversations', { params });
  }

  customers(keyword: string, page: number): Observable<Page<ArchiveCustomer>> {
    let params = new HttpParams().set('page', page).set('pageSize', 20);
    if (keyword) params = params.set('keyword', keyword);
    return this.http.get<Page<ArchiveCustomer>>('/api/archive/customers', { params });
  }

  messages(
    conversationId: string,
    filters: MessageFilters,
    before: string | null,
  ): Observable<ArchiveMessagePage> {
    let params = new HttpParams().set('conversationId', conversationId).set('pageSize', 30);
    if (filters.from) params = params.set('from', filters.from);
    if (filters.to) params = params.set('to', filters.to);
    if (filters.msgtype) params = params.set('msgtype', filters.msgtype);
    if (before) params = params.set('before', before);
    return this.http.get<ArchiveMessagePage>('/api/archive/messages', { params });
  }

  search(subject: ArchiveSubject, keyword: string, page: number): Observable<Page<ArchiveSearchHit>> {
    const params = new HttpParams({ fromObject: subjectParams(subject) })
      .set('keyword', keyword)
      .set('page', page)
      .set('pageSize', 20);
    return this.http.get<Page<ArchiveSearchHit>>('/api/archive/search', { params });
  }
}
