import { ChangeDetectionStrategy, Component, effect, inject, input, model, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { forkJoin, switchMap } from 'rxjs';

import { formatDateTime } from '../../../core/format/date-time';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { HandoversApi } from './handovers-api';
import { HandoverDetail, HandoverStatus, statusText } from './handovers.models';

const STATUS_COLORS: Record<HandoverStatus, string> = {
  pending: 'default',
  waiting: 'processing',
  done: 'success',
  refused: 'warning',
  limit: 'warning',
  rejected: 'error',
};

/**
 * Where a 分配 stands (离职继承 and 在职继承 alike): each customer's and each group's status from GET /api/handovers/{id}, and 刷新,
 * which asks the api to read WeCom's results now and then reads the handovers again. One 分配 of resigned
 * members' customers may be several handovers (one per 原跟进成员), so it takes a list.
 */
@Component({
  selector: 'app-handover-result-dialog',
  imports: [...SHARED_IMPORTS, NzModalModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .summary {
      margin: 0 0 8px;
    }
    .handover + .handover {
      margin-top: 24px;
    }
  `,
  template: `
    <nz-modal
      [nzVisible]="open()"
      nzTitle="分配结果"
      nzWidth="720px"
      (nzOnCancel)="open.set(false)"
      [nzFooter]="footer"
    >
      <ng-container *nzModalContent>
        @for (handover of handovers(); track handover.id) {
          <div class="handover" data-testid="handover-result">
            <p class="summary">
              {{ nameOf(handover.handoverUserid, handover.handoverName) }} →
              {{ nameOf(handover.takeoverUserid, handover.takeoverName) }}，
              {{ formatDateTime(handover.createdAt) }}：{{ handover.finished ? '已完成' : '进行中' }}
            </p>
            @if (handover.customers.length > 0) {
              <nz-table
                #table
                nzSize="small"
                [nzData]="handover.customers"
                [nzPageSize]="10"
                [nzHideOnSinglePage]="true"
              >
                <thead>
                  <tr>
                    <th>客户</th>
                    <th>状态</th>
                    <th>接替时间</th>
                  </tr>
                </thead>
                <tbody>
                  @for (customer of table.data; track customer.externalUserid) {
                    <tr data-testid="handover-customer">
                      <td>{{ nameOf(customer.externalUserid, customer.customerName) }}</td>
                      <td>
                        <nz-tag [nzColor]="statusColors[customer.status]" data-testid="handover-status">{{
                          statusText(customer)
                        }}</nz-tag>
                      </td>
                      <td>{{ formatDateTime(customer.takeoverAt) }}</td>
                    </tr>
                  }
                </tbody>
              </nz-table>
            }
            @if (handover.groups.length > 0) {
              <nz-table
                #groupTable
                nzSize="small"
                [nzData]="handover.groups"
                [nzPageSize]="10"
                [nzHideOnSinglePage]="true"
              >
                <thead>
                  <tr>
                    <th>客户群</th>
                    <th>状态</th>
                  </tr>
                </thead>
                <tbody>
                  @for (group of groupTable.data; track group.chatId) {
                    <tr data-testid="handover-group">
                      <td>{{ nameOf(group.chatId, group.groupName) }}</td>
                      <td>
                        <nz-tag [nzColor]="statusColors[group.status]" data-testid="handover-group-status">{{
                          statusText(group)
                        }}</nz-tag>
                      </td>
                    </tr>
                  }
                </tbody>
              </nz-table>
            }
          </div>
        } @empty {
          <p>{{ loading() ? '加载中…' : '暂无分配结果' }}</p>
        }
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button
        nz-button
        type="button"
        [nzLoading]="loading()"
        (click)="refresh()"
        data-testid="handover-refresh"
      >
        刷新
      </button>
      <button nz-button nzType="primary" type="button" (click)="open.set(false)">关闭</button>
    </ng-template>
  `,
})
export class HandoverResultDialog {
  private readonly api = inject(HandoversApi);
  private readonly message = inject(NzMessageService);

  readonly open = model(false);
  /** The handovers one 分配 created. */
  readonly handoverIds = input<readonly string[]>([]);
  /** Names by userid / external userid / chat id for what the api has no name of; else the id is shown. */
  readonly names = input<Readonly<Record<string, string>>>({});

  protected readonly handovers = signal<HandoverDetail[]>([]);
  protected readonly loading = signal(false);
  protected readonly statusColors = STATUS_COLORS;
  protected readonly statusText = statusText;
  protected readonly formatDateTime = formatDateTime;

  constructor() {
    effect(() => {
      const ids = this.handoverIds();
      if (!this.open()) return;
      this.handovers.set([]);
      this.load(ids);
    });
  }

  /** The name the api stored, else the one the page knew (a customer not stored yet), else the id. */
  protected nameOf(id: string, stored: string): string {
    return stored || this.names()[id] || id;
  }

  protected refresh(): void {
    const ids = this.handoverIds();
    if (ids.length === 0) return;
    this.loading.set(true);
    forkJoin(ids.map((id) => this.api.refresh(id)))
      .pipe(switchMap(() => forkJoin(ids.map((id) => this.api.detail(id)))))
      .subscribe({
        next: (handovers) => {
          this.handovers.set(handovers);
          this.loading.set(false);
          // The api reads WeCom in the background: what it learns shows on the next 刷新.
          if (handovers.some((handover) => !handover.finished))
            this.message.info('已向企业微信查询最新结果，如状态未更新请稍后再刷新');
        },
        error: () => this.loading.set(false),
      });
  }

  private load(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.loading.set(true);
    forkJoin(ids.map((id) => this.api.detail(id))).subscribe({
      next: (handovers) => {
        this.handovers.set(handovers);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }
}
