import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { CustomersApi } from '../../customers/customers/customers-api';
import { StaffOption, StaffSelect } from '../../system/org/staff-select';
import { SopApi, SopDetailFilters } from './sop-api';
import {
  CHANNEL_TAGS,
  SopPlan,
  SopPlanStats,
  SopReceiptRow,
  SopStaffRow,
  SopTask,
  timingNodeText,
} from './sop.models';

/**
 * SOP计划详情 (R-8.2-06 … 09, I-116): the header with its cards (for the whole plan or one task node), and
 * 数据明细: the task nodes on the left, 员工执行明细 / 客户接收明细 of the chosen node on the right.
 */
@Component({
  selector: 'app-sop-plan-detail-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzSelectModule,
    StaffSelect,
    NzTableModule,
    ServerTableDirective,
    NzTabsModule,
    NzTagModule,
  ],
  templateUrl: './sop-plan-detail-page.html',
  styles: `
    .panel {
      background: #fff;
      border-radius: 8px;
      padding: 16px 24px;
      margin-bottom: 16px;
    }
    .back {
      margin: 0 0 12px;
      font-size: 16px;
    }
    .meta {
      color: #8c8c8c;
      margin-bottom: 16px;
    }
    .cards {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .card {
      flex: 1;
      min-width: 160px;
      background: #f7f9fc;
      border-radius: 6px;
      padding: 12px 16px;
    }
    .card .value {
      font-size: 24px;
      font-weight: 600;
    }
    .data {
      display: flex;
      gap: 16px;
    }
    .nodes {
      width: 260px;
      flex: none;
    }
    .node {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 8px 12px;
      margin-bottom: 8px;
      cursor: pointer;
    }
    .node.active {
      border-color: #1677ff;
      background: #f0f7ff;
    }
    .node p {
      margin: 2px 0;
    }
    .detail {
      flex: 1;
      min-width: 0;
    }
    .staff-filter {
      width: 220px;
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SopPlanDetailPage implements OnInit {
  private readonly api = inject(SopApi);
  private readonly customersApi = inject(CustomersApi);

  readonly planId = input.required<string>();

  protected readonly plan = signal<SopPlan | null>(null);
  protected readonly stats = signal<SopPlanStats | null>(null);
  /** The header's task node: null = every node. */
  protected readonly statsTaskId = signal<string | null>(null);
  /** 数据明细's node. */
  protected readonly taskId = signal<string | null>(null);
  protected readonly staff = signal<StaffOption[]>([]);
  protected staffUserid: string | null = null;

  protected readonly channelTags = CHANNEL_TAGS;
  protected readonly timingNodeText = timingNodeText;
  protected readonly formatDateTime = formatDateTime;

  protected readonly staffRows = new ServerTable<SopStaffRow, SopDetailFilters>({
    filters: { taskId: '' },
    pageSize: 10,
    fetch: ({ filters, page, pageSize }) => this.api.staffRows(this.planId(), filters, page, pageSize),
  });
  protected readonly receiptRows = new ServerTable<SopReceiptRow, SopDetailFilters>({
    filters: { taskId: '' },
    pageSize: 10,
    fetch: ({ filters, page, pageSize }) => this.api.receiptRows(this.planId(), filters, page, pageSize),
  });

  ngOnInit(): void {
    this.customersApi.options().subscribe((options) => this.staff.set(options.staff));
    this.api.get(this.planId()).subscribe((plan) => {
      this.plan.set(plan);
      const first = plan.tasks[0];
      if (first) this.chooseNode(first);
    });
    this.loadStats(null);
  }

  protected loadStats(taskId: string | null): void {
    this.statsTaskId.set(taskId);
    this.api.stats(this.planId(), taskId).subscribe((stats) => this.stats.set(stats));
  }

  protected chooseNode(task: SopTask): void {
    this.taskId.set(task.id);
    this.search();
  }

  protected search(): void {
    const taskId = this.taskId();
    if (!taskId) return;
    const filters = { taskId, ...(this.staffUserid ? { staffUserid: this.staffUserid } : {}) };
    this.staffRows.search(filters);
    this.receiptRows.search(filters);
  }
}
