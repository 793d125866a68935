import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';

import { callerShowsErrors } from '../../core/net/api-error';
import { formatDateTime } from '../../core/format/date-time';
import {
  GroupMessageTrend,
  GroupPortrait,
  groupTitle,
  memberNames,
  portraitProblem,
} from './h5-group.models';
import { H5KnowledgePanel } from './h5-knowledge-panel';
import { jssdkFailureReason, WeComJssdk } from './wecom-jssdk';

/** `?tab=` of a link into the group chat's side panel. */
const TAB_INDEX: Record<string, number> = { knowledge: 1 };

/**
 * The sidebar of an external group chat (R-3.2.3, issue 15): 客户群画像 (the same content as the admin's 群画像)
 * and 知识库 (话术, 常用语 and 常用链接 to send into the group). The tabs show whatever the portrait's fate, so a
 * group the CRM has not synced yet can still be sent to.
 */
@Component({
  selector: 'app-h5-group-page',
  imports: [NzTabsModule, NzTagModule, H5KnowledgePanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    dl {
      display: grid;
      grid-template-columns: 84px 1fr;
      gap: 8px 4px;
    }
    dt {
      color: #999;
    }
    dd {
      margin: 0;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 12px;
    }
    td,
    th {
      border-bottom: 1px solid #f0f0f0;
      padding: 4px;
      text-align: left;
    }
    .problem,
    .loading {
      color: #8c8c8c;
      text-align: center;
      padding: 24px 0;
    }
  `,
  template: `
    <nz-tabs [nzSelectedIndex]="tabIndex()">
      <nz-tab nzTitle="客户群画像">
        @if (problem(); as text) {
          <p class="problem" role="alert" data-testid="h5-problem">{{ text }}</p>
        } @else if (portrait(); as g) {
          <h3 data-testid="h5-group-name">{{ title(g) }}</h3>
          <dl>
            <dt>群主</dt>
            <dd>{{ g.owner.name || g.owner.userid || '暂无' }}</dd>
            <dt>群人数</dt>
            <dd>{{ g.memberCount }}</dd>
            <dt>创建时间</dt>
            <dd>{{ g.createdAt ? dateTime(g.createdAt) : '暂无' }}</dd>
            <dt>群公告</dt>
            <dd>{{ g.notice || '暂无' }}</dd>
            <dt>群标签</dt>
            <dd>
              @for (tag of g.groupTags; track tag.id) {
                <nz-tag>{{ tag.name }}</nz-tag>
              } @empty {
                暂无
              }
            </dd>
          </dl>
          <h4>群画像</h4>
          @if (trendProblem(); as text) {
            <p class="problem" data-testid="h5-trend-problem">{{ text }}</p>
          } @else {
            <table>
              <tr>
                <th>日期</th>
                <th>员工发言</th>
                <th>客户发言</th>
              </tr>
              @for (day of trend(); track day.date) {
                <tr>
                  <td>{{ day.date }}</td>
                  <td>{{ day.staff }}</td>
                  <td>{{ day.customers }}</td>
                </tr>
              }
            </table>
          }
          <h4>群内部人员（{{ g.internalMembers.length }}）</h4>
          <p>{{ names(g.internalMembers) }}</p>
          <h4>群外部人员（{{ g.externalMembers.length }}）</h4>
          <p>{{ names(g.externalMembers) }}</p>
        } @else {
          <p class="loading" data-testid="h5-loading">正在加载群画像…</p>
        }
      </nz-tab>
      <nz-tab nzTitle="知识库">
        <ng-template nz-tab>
          <app-h5-knowledge-panel />
        </ng-template>
      </nz-tab>
    </nz-tabs>
  `,
})
export class H5GroupPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly jssdk = inject(WeComJssdk);

  /** For opening outside the sidebar (a link); inside it the JS-SDK names the group chat. */
  readonly chatId = input<string>('');
  readonly tab = input<string>('');

  protected readonly tabIndex = computed(() => TAB_INDEX[this.tab()] ?? 0);

  protected readonly portrait = signal<GroupPortrait | null>(null);
  protected readonly trend = signal<GroupMessageTrend['days']>([]);
  /** Why the page shows no portrait; every failure says so here rather than leaving the page blank. */
  protected readonly problem = signal('');
  /** The trend is a part of the portrait: when it alone fails, the rest still shows. */
  protected readonly trendProblem = signal('');
  protected readonly dateTime = formatDateTime;
  protected readonly title = groupTitle;
  protected readonly names = memberNames;

  async ngOnInit(): Promise<void> {
    let chatId = this.chatId();
    try {
      chatId ||= await this.jssdk.currentGroupChat();
    } catch (error) {
      this.problem.set(`无法获取当前客户群：${jssdkFailureReason(error)}`);
      return;
    }
    if (!chatId) {
      this.problem.set('无法获取当前客户群：请从客户群聊天的工具栏打开');
      return;
    }
    const base = `/api/customer-groups/${encodeURIComponent(chatId)}`;
    // The page says what went wrong itself: no toast on top of it.
    const quietly = { context: callerShowsErrors() };
    await Promise.all([
      firstValueFrom(this.http.get<GroupPortrait>(`${base}/portrait`, quietly)).then(
        (portrait) => this.portrait.set(portrait),
        (error: unknown) => this.problem.set(portraitProblem(error)),
      ),
      firstValueFrom(this.http.get<GroupMessageTrend>(`${base}/message-trend?days=7`, quietly)).then(
        (trend) => this.trend.set(trend.days),
        () => this.trendProblem.set('消息趋势加载失败，请稍后重试'),
      ),
    ]);
  }
}
