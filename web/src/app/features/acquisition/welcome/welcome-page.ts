import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ServerTable } from '../../../shared/server-table/server-table';
import { ServerTableDirective } from '../../../shared/server-table/server-table.directive';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { Undelivered } from '../../../shared/undelivered/undelivered';
import { WelcomeApi } from './welcome-api';
import { WelcomeDialog } from './welcome-dialog';
import { Welcome, WelcomeKind } from './welcome.models';

/**
 * 引流获客 → 欢迎语: 默认欢迎语 (one at a time, I-35) and 客户群欢迎语 (WeCom templates; every group
 * owner is told), each a list with 编辑 / 删除 and the dialog.
 */
@Component({
  selector: 'app-welcome-page',
  imports: [
    ...SHARED_IMPORTS,
    NzModalModule,
    NzTableModule,
    ServerTableDirective,
    NzTooltipModule,
    IfPermittedDirective,
    Undelivered,
    WelcomeDialog,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .head {
      display: flex;
      align-items: center;
      margin: 16px 0 8px;
    }
    .head h3 {
      margin: 0 8px 0 0;
    }
    .spacer {
      flex: 1;
    }
    .sync {
      color: #faad14;
      font-size: 12px;
      margin-left: 8px;
    }
    .sync.failed {
      color: #ff4d4f;
    }
  `,
  template: `
    <section class="panel">
      @for (section of sections; track section.kind) {
        <div class="head">
          <h3>{{ section.title }}</h3>
          <nz-icon nzType="info-circle" nz-tooltip [nzTooltipTitle]="section.help" />
          <span class="spacer"></span>
          <button
            *appIfPermitted="'acquisition.welcome-messages.create'"
            nz-button
            nzType="primary"
            [disabled]="section.kind === 'default' && tables[section.kind].total() > 0"
            (click)="open(section.kind, null)"
            [attr.data-testid]="'welcome-new-' + section.kind"
          >
            {{ section.create }}
          </button>
        </div>
        <nz-table
          nzSize="middle"
          [appServerTable]="tables[section.kind]"
          appServerTableTotal="none"
          nzHideOnSinglePage
          [attr.data-testid]="'welcome-table-' + section.kind"
        >
          <thead>
            <tr>
              <th>发布内容</th>
              <th>创建人</th>
              <th>配置时间</th>
              <th nzWidth="140px">操作</th>
            </tr>
          </thead>
          <tbody>
            @for (welcome of tables[section.kind].items(); track welcome.id) {
              <tr>
                <td>
                  {{ welcome.summary }}
                  @if (welcome.sync?.status === 'pending') {
                    <span class="sync">同步中</span>
                  } @else if (welcome.sync?.status === 'failed') {
                    <span class="sync failed">企业微信拒绝（{{ welcome.sync?.errcode }}）</span>
                  }
                  <app-undelivered
                    [recipients]="welcome.ownersUndelivered ?? []"
                    message="给群主的通知"
                    data-testid="welcome-owners-undelivered"
                  />
                </td>
                <td>{{ welcome.creatorName }}</td>
                <td>{{ formatDateTime(welcome.updatedAt) }}</td>
                <td>
                  <button
                    *appIfPermitted="'acquisition.welcome-messages.edit'"
                    nz-button
                    nzType="link"
                    nzSize="small"
                    type="button"
                    (click)="open(section.kind, welcome)"
                  >
                    编辑
                  </button>
                  <button
                    *appIfPermitted="'acquisition.welcome-messages.delete'"
                    nz-button
                    nzType="link"
                    nzSize="small"
                    type="button"
                    (click)="confirmDelete(section.kind, welcome)"
                  >
                    删除
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </section>
    @if (editing(); as e) {
      <app-welcome-dialog
        [kind]="e.kind"
        [welcome]="e.welcome"
        (saved)="afterSave(e.kind)"
        (closed)="editing.set(null)"
      />
    }
  `,
})
export class WelcomePage implements OnInit {
  private readonly api = inject(WelcomeApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  protected readonly sections = [
    {
      kind: 'default' as const,
      title: '默认欢迎语',
      create: '+ 新建默认欢迎语',
      help: '通过员工活码添加的客户收到活码的个性欢迎语，其余新添加的客户收到默认欢迎语。请勿在企微后台重复配置',
    },
    {
      kind: 'group' as const,
      title: '客户群欢迎语',
      create: '+ 新增客户群欢迎语',
      help: '新增后将通知企业所有群主，群主需在企业微信客户端选择生效的客户群',
    },
  ];
  protected readonly tables: Record<WelcomeKind, ServerTable<Welcome, null>> = {
    default: this.tableOf('default'),
    group: this.tableOf('group'),
  };
  protected readonly editing = signal<{ kind: WelcomeKind; welcome: Welcome | null } | null>(null);
  protected readonly formatDateTime = formatDateTime;

  ngOnInit(): void {
    this.tables.default.reload();
    this.tables.group.reload();
  }

  protected open(kind: WelcomeKind, welcome: Welcome | null): void {
    this.editing.set({ kind, welcome });
  }

  protected afterSave(kind: WelcomeKind): void {
    this.editing.set(null);
    this.tables[kind].search();
  }

  protected confirmDelete(kind: WelcomeKind, welcome: Welcome): void {
    this.modal.confirm({
      nzTitle: '是否确认删除该欢迎语？',
      nzOkText: '确认',
      nzCancelText: '取消',
      nzOnOk: () =>
        this.api.remove(kind, welcome.id).subscribe(() => {
          this.message.success('删除成功');
          this.tables[kind].search();
        }),
    });
  }

  private tableOf(kind: WelcomeKind): ServerTable<Welcome, null> {
    return new ServerTable({
      filters: null,
      fetch: ({ page, pageSize }) => this.api.list(kind, page, pageSize),
    });
  }
}
