import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { AuditPage } from '@contracts/audit.contract';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';

import { formatDateTime } from '../../../core/format/date-time';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { AUDIT_ACTION_LABELS, auditActionLabel, describeSnapshot } from './audit-format';

/** 操作日志: who changed what, newest first, filterable by action (audit log of issue 3). */
@Component({
  selector: 'app-audit-logs-page',
  imports: [...SHARED_IMPORTS, FormsModule, NzTableModule, NzSelectModule],
  templateUrl: './audit-logs-page.html',
  styleUrl: './audit-logs-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogsPage implements OnInit {
  private readonly http = inject(HttpClient);

  protected readonly pageSizeOptions = [10, 20, 50, 100];
  protected readonly actions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
    value,
    label,
  }));
  protected readonly action = signal<string | null>(null);
  protected readonly page = signal<AuditPage>({ items: [], total: 0, page: 1, pageSize: 20 });
  protected readonly loading = signal(false);
  protected readonly actionLabel = auditActionLabel;
  protected readonly describe = describeSnapshot;
  protected readonly formatTime = formatDateTime;

  ngOnInit(): void {
    this.load(1, 20);
  }

  protected filterByAction(action: string | null): void {
    this.action.set(action);
    this.load(1, this.page().pageSize);
  }

  protected onQueryParams(params: NzTableQueryParams): void {
    const { page, pageSize } = this.page();
    if (params.pageIndex === page && params.pageSize === pageSize) return;
    this.load(params.pageSize === pageSize ? params.pageIndex : 1, params.pageSize);
  }

  private load(page: number, pageSize: number): void {
    this.loading.set(true);
    const action = this.action();
    this.http
      .get<AuditPage>('/api/audit-logs', { params: { page, pageSize, ...(action ? { action } : {}) } })
      .subscribe({
        next: (result) => {
          this.page.set(result);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }
}
