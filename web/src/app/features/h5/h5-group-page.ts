import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';

import { callerShowsErrors } from '../../core/net/api-error';
import { formatDateTime } from '../../core/format/date-time';
import { WeComJssdk } from './wecom-jssdk';

/**
 * The parts of GET /api/customer-groups/:chatId/portrait (lib/contracts/customer-groups.contract.ts) the sidebar
 * shows, as the admin's 群画像 drawer does: 群介绍, 群内部人员 and 群外部人员.
 */
export interface GroupPortrait {
  chatId: string;
  name: string;
  owner: { userid: string; name: string };
  notice: string;
  createdAt: string | null;
  memberCount: number;
  groupTags: Array<{ id: string; name: string }>;
  internalMembers: Array<{ userid: string; name: string }>;
  externalMembers: Array<{ userid: string; name: string }>;
}

/** GET /api/customer-groups/:chatId/message-trend?days=7: messages per day, staff vs customers. */
export interface GroupMessageTrend {
  archived: boolean;
  days: Array<{ date: string; staff: number; customers: number }>;
}

/** The sidebar of an external group chat: the same content as the admin's 群画像. */
@Component({
  selector: 'app-h5-group-page',
  imports: [NzTagModule],
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
  `,
  template: `
    @if (problem()) {
      <p data-testid="h5-problem">{{ problem() }}</p>
    }
    @if (portrait(); as g) {
      <h3 data-testid="h5-group-name">{{ g.name }}</h3>
      <dl>
        <dt>群主</dt>
        <dd>{{ g.owner.name || '暂无' }}</dd>
        <dt>群人数</dt>
        <dd>{{ g.memberCount }}</dd>
        <dt>创建时间</dt>
        <dd>{{ dateTime(g.createdAt) }}</dd>
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
      <h4>群内部人员（{{ g.internalMembers.length }}）</h4>
      <p>{{ names(g.internalMembers) }}</p>
      <h4>群外部人员（{{ g.externalMembers.length }}）</h4>
      <p>{{ names(g.externalMembers) }}</p>
    }
  `,
})
export class H5GroupPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly jssdk = inject(WeComJssdk);

  /** For opening outside the sidebar (a link); inside it the JS-SDK names the group chat. */
  readonly chatId = input<string>('');

  protected readonly portrait = signal<GroupPortrait | null>(null);
  protected readonly trend = signal<GroupMessageTrend['days']>([]);
  protected readonly problem = signal('');
  protected readonly dateTime = formatDateTime;

  protected names(members: Array<{ name: string }>): string {
    return members.map((m) => m.name).join('、') || '暂无';
  }

  async ngOnInit(): Promise<void> {
    let chatId = this.chatId();
    try {
      chatId ||= await this.jssdk.currentGroupChat();
    } catch (error) {
      this.problem.set(`无法获取当前客户群：${(error as { errMsg?: string }).errMsg ?? String(error)}`);
      return;
    }
    const base = `/api/customer-groups/${encodeURIComponent(chatId)}`;
    try {
      const [portrait, trend] = await Promise.all([
        firstValueFrom(
          this.http.get<GroupPortrait>(`${base}/portrait`, { context: callerShowsErrors([404]) }),
        ),
        firstValueFrom(
          this.http.get<GroupMessageTrend>(`${base}/message-trend?days=7`, {
            context: callerShowsErrors([404]),
          }),
        ),
      ]);
      this.portrait.set(portrait);
      this.trend.set(trend.days);
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) this.problem.set('暂无群画像数据');
      else throw error;
    }
  }
}
