import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { copyLink } from './copy-link';
import {
  isoDay,
  KIND_LABELS,
  lastThirtyDays,
  SKIP_VERIFY_TEXT,
  STATUS_LABELS,
  syncLabel,
  trendChartOption,
  welcomeOutcome,
} from './staff-code-texts';
import { qrDownloadUrl, StaffCodesApi } from './staff-codes-api';
import { StaffCode, StaffCodeAdd, StaffCodeTrend } from './staff-codes.models';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * 员工活码详情: the QR with 下载二维码 / 复制链接, 员工活码信息, 扫码趋势 (default the last 30 days,
 * I-33) and the customers added through the code with their welcome's outcome.
 */
@Component({
  selector: 'app-staff-code-detail-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NgxEchartsDirective,
    NzDatePickerModule,
    NzDescriptionsModule,
    NzTableModule,
    ServerTableDirective,
  ],
  providers: [provideEchartsCore({ echarts })],
  templateUrl: './staff-code-detail-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .top {
      display: flex;
      gap: 32px;
    }
    .qr {
      width: 220px;
      text-align: center;
    }
    .qr img {
      width: 200px;
      height: 200px;
    }
    .info {
      flex: 1;
    }
    .chart {
      height: 320px;
    }
    h4 {
      margin-top: 24px;
    }
  `,
})
export class StaffCodeDetailPage implements OnInit {
  private readonly api = inject(StaffCodesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);

  protected readonly code = signal<StaffCode | null>(null);
  protected readonly trend = signal<StaffCodeTrend | null>(null);
  /** 添加记录: the customers this code brought, 10 a page. */
  protected readonly adds = new ServerTable<StaffCodeAdd, null>({
    filters: null,
    pageSize: 10,
    fetch: ({ page, pageSize }) => this.api.adds(this.id, page, pageSize),
  });
  protected readonly trendLoading = signal(false);
  protected readonly chartOption = computed(() => {
    const trend = this.trend();
    return trend ? trendChartOption(trend) : null;
  });
  protected readonly kindLabels = KIND_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly skipVerifyText = SKIP_VERIFY_TEXT;
  protected readonly syncLabel = syncLabel;
  protected readonly welcomeOutcome = welcomeOutcome;
  protected readonly formatDateTime = formatDateTime;
  protected readonly qrDownloadUrl = qrDownloadUrl;
  protected range: Date[] = [];
  private id = '';

  ngOnInit(): void {
    this.id = this.route.snapshot.paramMap.get('id') ?? '';
    this.api.get(this.id).subscribe((code) => this.code.set(code));
    const [from, to] = lastThirtyDays(new Date());
    this.range = [new Date(`${from}T00:00:00`), new Date(`${to}T00:00:00`)];
    this.loadTrend(from, to);
    this.adds.reload();
  }

  protected membersText(code: StaffCode): string {
    return (
      code.members.map((member) => (member.left ? `${member.name}（已离职）` : member.name)).join('、') || '-'
    );
  }

  protected tagsText(code: StaffCode): string {
    return code.tags.map((tag) => tag.name).join('、') || '-';
  }

  protected changeRange(range: Date[]): void {
    if (range.length === 2) this.loadTrend(isoDay(range[0]), isoDay(range[1]));
  }

  protected async copy(code: StaffCode): Promise<void> {
    if (!code.qrCode) return;
    if (await copyLink(code.qrCode)) this.message.success('复制成功');
    else this.message.error('复制失败，请手动复制');
  }

  private loadTrend(from: string, to: string): void {
    this.trendLoading.set(true);
    this.api.trend(this.id, from, to).subscribe({
      next: (trend) => {
        this.trend.set(trend);
        this.trendLoading.set(false);
      },
      error: () => this.trendLoading.set(false),
    });
  }
}
