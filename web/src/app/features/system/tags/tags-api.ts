import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import { callerShowsErrors } from '../../../core/net/api-error';
import { SyncStarted, SyncState } from '../../../shared/manual-sync/sync-state';
import { TagGroup, TagInput, TagKind } from './tags.models';

const BASE: Record<TagKind, { groups: string; tag: string }> = {
  corp: { groups: '/api/tags/corp-groups', tag: '/api/tags/corp-tags' },
  group: { groups: '/api/tags/group-groups', tag: '/api/tags/group-tags' },
};

/** The 标签管理 endpoints; both tabs have the same shape, under their own paths. */
@Injectable({ providedIn: 'root' })
export class TagsApi {
  private readonly http = inject(HttpClient);

  list(kind: TagKind): Observable<TagGroup[]> {
    return this.http.get<{ items: TagGroup[] }>(BASE[kind].groups).pipe(map((answer) => answer.items));
  }

  /** 企业微信标签 need their first tag (WeCom has no empty groups); 群标签 groups start empty. */
  createGroup(kind: TagKind, name: string, firstTag?: TagInput): Observable<TagGroup> {
    const body = kind === 'corp' ? { name, tags: [firstTag] } : { name };
    return this.http.post<TagGroup>(BASE[kind].groups, body);
  }

  renameGroup(kind: TagKind, groupId: string, name: string): Observable<TagGroup> {
    return this.http.put<TagGroup>(`${BASE[kind].groups}/${encodeURIComponent(groupId)}`, { name });
  }

  deleteGroup(kind: TagKind, groupId: string): Observable<void> {
    return this.http.delete<void>(`${BASE[kind].groups}/${encodeURIComponent(groupId)}`);
  }

  reorderGroups(kind: TagKind, ids: string[]): Observable<TagGroup[]> {
    return this.http
      .put<{ items: TagGroup[] }>(`${BASE[kind].groups}-order`, { ids })
      .pipe(map((answer) => answer.items));
  }

  addTag(kind: TagKind, groupId: string, tag: TagInput): Observable<TagGroup> {
    return this.http.post<TagGroup>(`${BASE[kind].groups}/${encodeURIComponent(groupId)}/tags`, tag);
  }

  editTag(kind: TagKind, tagId: string, tag: Partial<TagInput>): Observable<TagGroup> {
    return this.http.put<TagGroup>(`${BASE[kind].tag}/${encodeURIComponent(tagId)}`, tag);
  }

  deleteTag(kind: TagKind, tagId: string): Observable<void> {
    return this.http.delete<void>(`${BASE[kind].tag}/${encodeURIComponent(tagId)}`);
  }

  reorderTags(kind: TagKind, groupId: string, ids: string[]): Observable<TagGroup> {
    return this.http.put<TagGroup>(`${BASE[kind].groups}/${encodeURIComponent(groupId)}/tags-order`, { ids });
  }

  /** The corp-tag sync's status: its 最近更新 line and the day's manual syncs. */
  corpTagSyncState(): Observable<SyncState> {
    return this.http.get<SyncState>('/api/tags/sync');
  }

  /** 同步 of 企业微信标签 (the corp-tag sync workflow: 2 a day, 10 minutes apart; 409/429 shown by ManualSync). */
  syncCorpTags(): Observable<SyncStarted> {
    return this.http.post<SyncStarted>('/api/tags/sync', {}, { context: callerShowsErrors([409, 429]) });
  }
}
