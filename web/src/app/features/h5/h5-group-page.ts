import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';

import { callerShowsErrors } from '../../core/net/api-error';
import { formatDateTime } from '../../core/format/date-time';
import { WeComJssdk } from './wecom-jssdk';

/**
 * GET /api/customer-groups/:chatId/portrait, as the 客户群 module serves the admin's 群画像 drawer:
 * 群介绍, the message trend (staff vs customers), 群内部人员 and 群外部人员. Built against this shape; the
 * endpoint comes from the customer-groups branch.
 */
export interface GroupPortrait {
  chatId: string;
  name: string;
  owner: { userid: string; name: string } | null;
  notice: string;
  createdAt: string | null;
  memberCount: number;
  tags: Array<{ id: string; name: string }>;
  messageTrend: Array<{ date: string; staff: number; external: number }>;
  internalMembers: Array<{ userid: string; name: string }>;
  externalMembers: Array<{ userid: string; name: string }>;
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
        <dd>{{ g.owner?.name ?? '暂无' }}</dd>
        <dt>群人数</dt>
        <dd>{{ g.memberCount }}</dd>
        <dt>创建时间</dt>
        <dd>{{ dateTime(g.createdAt) }}</dd>
        <dt>群公告</dt>
        <dd>{{ g.notice || '暂无' }}</dd>
        <dt>群标签</dt>
        <dd>
          @for (tag of g.tags; track tag.id) {
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
        @for (day of g.messageTrend; track day.date) {
          <tr>
            <td>{{ day.date }}</td>
            <td>{{ day.staff }}</td>
            <td>{{ day.external }}</td>
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
    try {
      this.portrait.set(
        await firstValueFrom(
          this.http.get<GroupPortrait>(`/api/customer-groups/${encodeURIComponent(chatId)}/portrait`, {
            context: callerShowsErrors([404]),
          }),
        ),
      );
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) this.problem.set('暂无群画像数据');
      else throw error;
    }
  }
}
