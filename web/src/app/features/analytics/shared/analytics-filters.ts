import { ChangeDetectionStrategy, Component, inject, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { StaffSelect } from '../../system/org/staff-select';
import { AnalyticsApi } from './analytics-api';
import { AnalyticsFilters, dayOf, defaultRange } from './analytics.models';

/**
 * 统计分析's global filters (R-6-02): 时间 (default the last 7 days ending yesterday) and 按员工查询 (the staff
 * inside the 数据权限; none = all of them), applied by 查询; 重置 goes back to the defaults and applies them.
 */
@Component({
  selector: 'app-analytics-filters',
  imports: [...SHARED_IMPORTS, FormsModule, NzDatePickerModule, NzSelectModule, StaffSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="filters" (ngSubmit)="apply()" data-testid="analytics-filters">
      <span>时间：</span>
      <nz-range-picker
        name="range"
        [(ngModel)]="range"
        [nzAllowClear]="false"
        [nzDisabledDate]="afterYesterday"
        data-testid="analytics-range"
      />
      <span>按员工查询：</span>
      <app-staff-select
        name="staff"
        class="staff"
        multiple
        [allowClear]="true"
        [maxTagCount]="3"
        testId="analytics-staff"
        [members]="staffOptions()"
        [(ngModel)]="staff"
      />
      <span class="spacer"></span>
      <button nz-button type="button" (click)="reset()" data-testid="analytics-reset">重置</button>
      <button nz-button nzType="primary" type="submit" data-testid="analytics-search">查询</button>
    </form>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      background: #fff;
      border-radius: 8px;
      padding: 16px;
      margin-bottom: 16px;
    }
    .staff {
      min-width: 240px;
    }
    .spacer {
      flex: 1;
    }
  `,
})
export class AnalyticsFiltersBar implements OnInit {
  private readonly api = inject(AnalyticsApi);

  /** The filters 查询 or 重置 applied. */
  readonly applied = output<AnalyticsFilters>();

  protected readonly staffOptions = signal<Array<{ userid: string; name: string }>>([]);
  protected range: Date[] = defaultRange();
  protected staff: string[] = [];

  /** Figures come the day after (T+1): today and later have none yet. */
  protected readonly afterYesterday = (date: Date) => dayOf(date) > dayOf(defaultRange()[1]);

  ngOnInit(): void {
    this.api.staffOptions().subscribe((options) => this.staffOptions.set(options.staff));
  }

  protected apply(): void {
    const [from, to] = this.range.length === 2 ? this.range : defaultRange();
    const names = new Map(this.staffOptions().map((member) => [member.userid, member.name]));
    this.applied.emit({
      from: dayOf(from),
      to: dayOf(to),
      staff: [...this.staff],
      staffLabel: this.staff.length
        ? this.staff.map((userid) => names.get(userid) ?? userid).join('、')
        : '全公司',
    });
  }

  protected reset(): void {
    this.range = defaultRange();
    this.staff = [];
    this.apply();
  }
}
