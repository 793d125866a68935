import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  ArchiveConversationPage,
  ArchiveCustomerPage,
  ArchiveMessagePage,
  ArchiveRange,
  ArchiveSearchPage,
  ArchiveSubject,
  ChatConditions,
  ChatKind,
  MessageFilters,
} from './archive.models';

const subjectParams = (subject: ArchiveSubject): Record<string, string> =>
  subject.kind === 'staff'
    ? { staffUserid: subject.staffUserid }
    : { externalUserid: subject.externalUserid };

/** 聊天时间 and 消息类型, and with a customer's chats the 员工 (I-52); unset ones are left out. */
function withConditions(params: HttpParams, conditions: Partial<ChatConditions>): HttpParams {
  let result = params;
  for (const key of ['staffUserid', 'from', 'to', 'msgtype'] as const) {
    const value = conditions[key];
    if (value) result = result.set(key, value);
  }
  return result;
}

/** The 内容存档 endpoints under /api/archive. */
@Injectable({ providedIn: 'root' })
export class ArchiveApi {
  private readonly http = inject(HttpClient);

  conversations(
    subject: ArchiveSubject,
    range: ArchiveRange,
    chatKind: ChatKind | null,
    page: number,
    conditions: Partial<ChatConditions> = {},
  ): Observable<ArchiveConversationPage> {
    let params = withConditions(new HttpParams({ fromObject: subjectParams(subject) }), conditions)
      .set('range', range)
      .set('page', page)
      .set('pageSize', 20);
    if (chatKind) params = params.set('chatKind', chatKind);
    return this.http.get<ArchiveConversationPage>('/api/archive/conversations', { params });
  }

  customers(keyword: string, page: number): Observable<ArchiveCustomerPage> {
    let params = new HttpParams().set('page', page).set('pageSize', 20);
    if (keyword) params = params.set('keyword', keyword);
    return this.http.get<ArchiveCustomerPage>('/api/archive/customers', { params });
  }

  messages(
    conversationId: string,
    filters: MessageFilters,
    before: string | null,
  ): Observable<ArchiveMessagePage> {
    let params = withConditions(new HttpParams(), filters)
      .set('conversationId', conversationId)
      .set('pageSize', 30);
    if (before) params = params.set('before', before);
    return this.http.get<ArchiveMessagePage>('/api/archive/messages', { params });
  }

  search(
    subject: ArchiveSubject,
    keyword: string,
    page: number,
    conditions: Partial<ChatConditions> = {},
  ): Observable<ArchiveSearchPage> {
    const params = withConditions(new HttpParams({ fromObject: subjectParams(subject) }), conditions)
      .set('keyword', keyword)
      .set('page', page)
      .set('pageSize', 20);
    return this.http.get<ArchiveSearchPage>('/api/archive/search', { params });
  }
}
