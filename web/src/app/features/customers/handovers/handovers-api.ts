import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';
import type { OnjobPreview, OnjobPreviewInput, resignedMemberPageSchema } from '@contracts/handover.contract';
import type { z } from 'zod';

import {
  HandoverDetail,
  HandoverInput,
  HandoverRecordPage,
  ResignedCustomerPage,
  ResignedGroupPage,
  ResignedFilters,
  resignedFilterParams,
} from './handovers.models';

type ResignedMemberPage = z.infer<typeof resignedMemberPageSchema>;

/** The 客户继承 endpoints under /api/handovers. */
@Injectable({ providedIn: 'root' })
export class HandoversApi {
  private readonly http = inject(HttpClient);

  resignedCustomers(
    filters: ResignedFilters,
    page: number,
    pageSize: number,
  ): Observable<ResignedCustomerPage> {
    return this.http.get<ResignedCustomerPage>('/api/handovers/resigned-customers', {
      params: resignedFilterParams(filters).set('page', page).set('pageSize', pageSize),
    });
  }

  /** Groups whose owner resigned, waiting for a successor (by 原群主). */
  resignedGroups(filters: ResignedFilters, page: number, pageSize: number): Observable<ResignedGroupPage> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (filters.handoverUserid) params = params.set('handoverUserid', filters.handoverUserid);
    return this.http.get<ResignedGroupPage>('/api/handovers/resigned-groups', { params });
  }

  /** 分配记录: one kind's handovers, newest first. */
  records(kind: HandoverDetail['kind'], page: number, pageSize: number): Observable<HandoverRecordPage> {
    return this.http.get<HandoverRecordPage>('/api/handovers', {
      params: new HttpParams().set('kind', kind).set('page', page).set('pageSize', pageSize),
    });
  }

  /** 分配: answers the new handover (202) with every customer still 待发起. */
  create(input: HandoverInput): Observable<HandoverDetail> {
    return this.http.post<HandoverDetail>('/api/handovers', input);
  }

  detail(id: string): Observable<HandoverDetail> {
    return this.http.get<HandoverDetail>(`/api/handovers/${encodeURIComponent(id)}`);
  }

  /** 刷新: asks the api to read WeCom's transfer results now. */
  refresh(id: string): Observable<{ refreshing: boolean }> {
    return this.http.post<{ refreshing: boolean }>(`/api/handovers/${encodeURIComponent(id)}/refresh`, {});
  }

  /** 在职继承 before 确定: which chosen customers WeCom would not transfer, and why. */
  previewOnjob(input: OnjobPreviewInput): Observable<OnjobPreview> {
    return this.http.post<OnjobPreview>('/api/handovers/onjob/preview', input);
  }

  /** 离职继承's 原跟进成员 filter: resigned members with customers waiting, by name or userid. */
  resignedMembers(keyword: string): Observable<ResignedMemberPage> {
    return this.http.get<ResignedMemberPage>('/api/handovers/resigned-members', {
      params: { page: 1, pageSize: 100, ...(keyword ? { keyword } : {}) },
    });
  }
}
