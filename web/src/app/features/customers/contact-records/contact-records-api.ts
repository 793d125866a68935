import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  Colleague,
  ContactRecord,
  ContactRecordAttachment,
  ContactRecordPage,
  NewContactRecord,
} from './contact-records.models';

/** The 联系记录 endpoints: a customer's timeline, attachments, @同事. */
@Injectable({ providedIn: 'root' })
export class ContactRecordsApi {
  private readonly http = inject(HttpClient);

  private base(externalUserid: string): string {
    return `/api/customers/${encodeURIComponent(externalUserid)}/contact-records`;
  }

  list(externalUserid: string, page: number, pageSize: number): Observable<ContactRecordPage> {
    const params = new HttpParams({ fromObject: { page, pageSize } });
    return this.http.get<ContactRecordPage>(this.base(externalUserid), { params });
  }

  create(externalUserid: string, record: NewContactRecord): Observable<ContactRecord> {
    return this.http.post<ContactRecord>(this.base(externalUserid), record);
  }

  remove(externalUserid: string, recordId: string): Observable<unknown> {
    return this.http.delete(`${this.base(externalUserid)}/${recordId}`);
  }

  upload(file: File): Observable<ContactRecordAttachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ContactRecordAttachment>('/api/contact-record-attachments', form);
  }

  downloadUrl(externalUserid: string, recordId: string, fileId: string): string {
    return `${this.base(externalUserid)}/${recordId}/attachments/${fileId}`;
  }

  colleagues(keyword: string): Observable<{ items: Colleague[] }> {
    const params = new HttpParams({ fromObject: { keyword, pageSize: 20 } });
    return this.http.get<{ items: Colleague[] }>('/api/contact-record-colleagues', { params });
  }
}
