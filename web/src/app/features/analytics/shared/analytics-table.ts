import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { ServerTableDirective, ServerTableState } from '../../../shared/server-table/server-table.directive';
import { DEFINITIONS } from './analytics.models';

/** One column of a 统计分析 table: its header and how a row reads in it. */
export interface AnalyticsColumn<T> {
  title: string;
  cell: (row: T) => string | number;
  /** The api's `sortBy` for this column; a column without one is not sortable. */
  sortKey?: string;
  /** The manual's definition, listed in the ⓘ beside the table's title (R-6-03). */
  definition?: string;
  /** A test id on the column's cells. */
  testId?: string;
}

/** A sortable count whose row field, `sortBy` and definition share one name (most of 员工分析's columns). */
export function countColumn<K extends keyof typeof DEFINITIONS>(
  key: K,
  title: string,
): AnalyticsColumn<Record<K, number>> {
  return { title, sortKey: key, definition: DEFINITIONS[key], cell: (row) => row[key] };
}

/** What tells one table from another: its head, its columns, and how its rows are told apart. */
export interface AnalyticsTableLayout<T> {
  title: string;
  /** The test ids' stem: `<testId>-table`, `<testId>-row`, `<testId>-export`. */
  testId: string;
  columns: ReadonlyArray<AnalyticsColumn<T>>;
  /** Tells the rows apart, so a new page re-renders only what changed. */
  rowKey: (row: T) => string;
  /** Who sees 导出. */
  exportPermission: string;
  /** 跳至 … 页; off for tables that never run to many pages. */
  quickJumper?: boolean;
}

/**
 * A table of 统计分析, paged (and sorted, on the columns with a `sortKey`) on the server by the ServerTable its
 * owner keeps, under a head with the title, the ⓘ of the columns' definitions and 导出. Sortable headers carry
 * the test id `sort-<sortKey>`.
 */
@Component({
  selector: 'app-analytics-table',
  imports: [
    IfPermittedDirective,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    ServerTableDirective,
    NzTooltipModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-head">
      <h4>{{ layout().title }}</h4>
      @if (definitions().length) {
        <span nz-icon nzType="question-circle" class="tip" nz-tooltip [nzTooltipTitle]="tipTemplate"></span>
      }
      <span class="spacer"></span>
      @if (exportHref(); as href) {
        <a
          *appIfPermitted="layout().exportPermission"
          nz-button
          [href]="href"
          [attr.data-testid]="layout().testId + '-export'"
          >导出</a
        >
      }
    </div>
    <nz-table
      nzSize="middle"
      [attr.data-testid]="layout().testId + '-table'"
      [appServerTable]="table()"
      [nzShowQuickJumper]="layout().quickJumper ?? true"
    >
      <thead>
        <tr>
          @for (column of layout().columns; track column.title) {
            @if (column.sortKey; as sortKey) {
              <th [nzColumnKey]="sortKey" [nzSortFn]="true" [attr.data-testid]="'sort-' + sortKey">
                {{ column.title }}
              </th>
            } @else {
              <th>{{ column.title }}</th>
            }
          }
        </tr>
      </thead>
      <tbody>
        @for (row of table().items(); track layout().rowKey(row)) {
          <tr [attr.data-testid]="layout().testId + '-row'">
            @for (column of layout().columns; track column.title) {
              <td [attr.data-testid]="column.testId">{{ column.cell(row) }}</td>
            }
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #tipTemplate>
      @for (column of definitions(); track column.title) {
        <div>{{ column.title }}：{{ column.definition }}</div>
      }
    </ng-template>
  `,
  styles: `
    .table-head {
      display: flex;
      align-items: center;
      margin-bottom: 12px;
    }
    h4 {
      font-weight: 500;
      margin: 0;
    }
    .spacer {
      flex: 1;
    }
    .tip {
      cursor: help;
      margin-left: 4px;
    }
  `,
})
export class AnalyticsTable<T> {
  readonly layout = input.required<AnalyticsTableLayout<T>>();
  readonly table = input.required<ServerTableState<T>>();
  /** 导出's link (the filters and order in force); without it the table has no 导出. */
  readonly exportHref = input<string>();

  protected readonly definitions = computed(() =>
    this.layout().columns.filter((column) => column.definition),
  );
}
