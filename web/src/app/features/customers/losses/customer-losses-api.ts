import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import {
  CustomerLossFilters,
  CustomerLossPage,
  LossAlertSettings,
  lossFilterParams,
} from './customer-losses.models';

const SETTINGS_URL = '/api/customer-loss-alert-settings';

/** The 流失客户 endpoints: /api/customer-losses (+ /export) and /api/customer-loss-alert-settings. */
@Injectable({ providedIn: 'root' })
export class CustomerLossesApi {
  private readonly http = inject(HttpClient);

  list(filters: CustomerLossFilters, page: number, pageSize: number): Observable<CustomerLossPage> {
    return this.http.get<CustomerLossPage>('/api/customer-losses', {
      params: lossFilterParams(filters).set('page', page).set('pageSize', pageSize),
    });
  }

  /** 导出's link: the browser downloads the streamed workbook with the filters in force. */
  exportUrl(filters: CustomerLossFilters): string {
    const query = lossFilterParams(filters).toString();
    return `/api/customer-losses/export${query ? `?${query}` : ''}`;
  }

  alertSettings(): Observable<LossAlertSettings> {
    return this.http.get<LossAlertSettings>(SETTINGS_URL);
  }

  saveAlertSettings(settings: LossAlertSettings): Observable<LossAlertSettings> {
    return this.http.put<LossAlertSettings>(SETTINGS_URL, settings);
  }
}
