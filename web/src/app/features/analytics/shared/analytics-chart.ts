import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

import type { EChartsCoreOption } from 'echarts/core';

// Only the chart parts 统计分析 draws (tree-shaken echarts).
echarts.use([LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A chart of 统计分析 with its title, 暂无数据 when there is nothing to draw (no option), Chinese texts (echarts' ZH). */
@Component({
  selector: 'app-analytics-chart',
  imports: [NgxEchartsDirective, NzEmptyModule],
  providers: [provideEchartsCore({ echarts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="chart-panel" [attr.data-testid]="testId()">
      <h4>{{ title() }}</h4>
      @if (option(); as option) {
        <div echarts class="chart" [options]="option" [loading]="loading()" [initOpts]="initOpts"></div>
      } @else {
        <nz-empty class="empty" nzNotFoundContent="暂无数据" data-testid="chart-empty" />
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h4 {
      font-weight: 500;
      margin-bottom: 12px;
    }
    .chart {
      height: 320px;
    }
    .empty {
      height: 320px;
      display: flex;
      flex-direction: column;
      justify-content: center;
    }
  `,
})
export class AnalyticsChart {
  readonly title = input.required<string>();
  readonly option = input.required<EChartsCoreOption | null>();
  readonly loading = input(false);
  readonly testId = input<string>('analytics-chart');

  protected readonly initOpts = { locale: 'ZH' };
}
