import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { AuditEntry, AuditPage } from '@contracts/audit.contract';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';

import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { AUDIT_ACTION_LABELS, auditActionLabel, describeSnapshot } from './audit-format';

/** 操作日志: who changed what, newest first, filterable by action (audit log of issue 3). */
@Component({
  selector: 'app-audit-logs-page',
  imports: [...SHARED_IMPORTS, FormsModule, NzTableModule, ServerTableDirective, NzSelectModule],
  templateUrl: './audit-logs-page.html',
  styleUrl: './audit-logs-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogsPage implements OnInit {
  private readonly http = inject(HttpClient);

  protected readonly actions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
    value,
    label,
  }));
  /** The 操作 filter; null = every action. */
  protected readonly list = new ServerTable<AuditEntry, { action: string | null }>({
    filters: { action: null },
    fetch: ({ filters, page, pageSize }) =>
      this.http.get<AuditPage>('/api/audit-logs', {
        params: { page, pageSize, ...(filters.action ? { action: filters.action } : {}) },
      }),
  });
  protected readonly actionLabel = auditActionLabel;
  protected readonly describe = describeSnapshot;
  protected readonly formatTime = formatDateTime;

  ngOnInit(): void {
    this.list.reload();
  }

  protected filterByAction(action: string | null): void {
    this.list.search({ action });
  }
}
