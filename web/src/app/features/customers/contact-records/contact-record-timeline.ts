import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { Undelivered } from '../../../shared/undelivered/undelivered';
import { ContactRecordsApi } from './contact-records-api';
import {
  Colleague,
  ContactRecord,
  ContactRecordAttachment,
  ContactRecordKind,
  RECORD_TEXT_MAX,
} from './contact-records.models';
import { attachmentProblem, fileSizeLabel, recordProblem, remindAtIso } from './record-form';

const PAGE_SIZE = 20;

/**
 * 联系记录 of one customer: the composer (联系记录 with attachments, or 提醒事项 with @同事 and
 * 定时提醒) above the timeline, newest first. Standalone, with one input, so the admin's 客户详情 and the
 * H5 sidebar embed the same component (R-3.1.3-06). The composer shows only with 写联系记录
 * (`customer.customers.contact-record`); reading needs only the customer in the caller's data scope.
 */
@Component({
  selector: 'app-contact-record-timeline',
  imports: [
    IfPermittedDirective,
    ListEmpty,
    Undelivered,
    FormsModule,
    NzButtonModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .composer {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-bottom: 16px;
    }
    .row {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .count {
      color: #999;
      font-size: 12px;
      text-align: right;
    }
    .files {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .timeline {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .item {
      border-left: 2px solid #1677ff;
      padding: 4px 0 12px 12px;
      margin-left: 4px;
    }
    .meta {
      color: #999;
      font-size: 12px;
    }
    .text {
      margin: 4px 0;
      white-space: pre-wrap;
      word-break: break-all;
    }
    input[type='datetime-local'] {
      flex: 1;
      min-width: 180px;
      padding: 4px 8px;
      border: 1px solid #d9d9d9;
      border-radius: 6px;
    }
  `,
  template: `
    <div class="composer" *appIfPermitted="'customer.customers.contact-record'" data-testid="record-composer">
      <div class="row" data-testid="record-kind">
        <button
          nz-button
          [nzType]="kind() === 'record' ? 'primary' : 'default'"
          (click)="kind.set('record')"
          data-testid="record-kind-record"
        >
          联系记录
        </button>
        <button
          nz-button
          [nzType]="kind() === 'reminder' ? 'primary' : 'default'"
          (click)="kind.set('reminder')"
          data-testid="record-kind-reminder"
        >
          提醒事项
        </button>
      </div>
      <textarea
        nz-input
        rows="3"
        [maxlength]="textMax"
        [(ngModel)]="text"
        placeholder="记录客户意向或跟进情况"
        data-testid="record-text"
      ></textarea>
      <div class="count">{{ text().length }}/{{ textMax }}</div>
      @if (kind() === 'record') {
        <div class="row">
          <label nz-button nzSize="small">
            上传附件
            <input type="file" multiple hidden (change)="attach($event)" data-testid="record-file" />
          </label>
          <div class="files">
            @for (file of files(); track file.fileId) {
              <nz-tag nzMode="closeable" (nzOnClose)="detach(file.fileId)">{{ file.name }}</nz-tag>
            }
          </div>
        </div>
      } @else {
        <nz-select
          nzMode="multiple"
          nzPlaceHolder="@同事"
          nzShowSearch
          nzServerSearch
          [(ngModel)]="mentions"
          (nzOnSearch)="searchColleagues($event)"
          (nzOpenChange)="$event && searchColleagues('')"
          data-testid="record-mentions"
        >
          @for (colleague of colleagues(); track colleague.userid) {
            <nz-option [nzValue]="colleague.userid" [nzLabel]="colleague.name"></nz-option>
          }
        </nz-select>
        <div class="row">
          <span>定时提醒</span>
          <input type="datetime-local" [(ngModel)]="remindAt" data-testid="record-remind-at" />
        </div>
      }
      <button nz-button nzType="primary" [nzLoading]="sending()" (click)="send()" data-testid="record-send">
        发送
      </button>
    </div>

    @if (records().length === 0 && !loading()) {
      <app-list-empty text="暂无联系记录" />
    }
    <ul class="timeline">
      @for (record of records(); track record.id) {
        <li class="item" data-testid="record-item">
          <div class="meta">
            <nz-tag [nzColor]="record.kind === 'reminder' ? 'orange' : 'blue'">
              {{ record.kind === 'reminder' ? '提醒事项' : '联系记录' }}
            </nz-tag>
            {{ record.creator.name }} · {{ dateTime(record.createdAt) }}
          </div>
          <div class="text" data-testid="record-item-text">{{ record.text }}</div>
          @if (record.mentions.length) {
            <div class="meta">&#64;{{ mentionNames(record) }}</div>
          }
          @if (record.remindAt) {
            <div class="meta" data-testid="record-item-remind-at">
              提醒时间：{{ dateTime(record.remindAt) }}
            </div>
          }
          <app-undelivered
            [recipients]="record.undelivered"
            message="提醒消息"
            data-testid="record-item-undelivered"
          />
          @for (file of record.attachments; track file.fileId) {
            <div>
              <a [href]="downloadUrl(record, file)" target="_blank" rel="noopener">{{ file.name }}</a>
              <span class="meta"> {{ size(file.size) }}</span>
            </div>
          }
          @if (record.mine) {
            <a nz-popconfirm nzPopconfirmTitle="确定删除该记录？" (nzOnConfirm)="remove(record)" class="meta"
              >删除</a
            >
          }
        </li>
      }
    </ul>
    @if (records().length < total()) {
      <button nz-button nzBlock (click)="loadMore()" [nzLoading]="loading()">加载更多</button>
    }
  `,
})
export class ContactRecordTimeline {
  private readonly api = inject(ContactRecordsApi);
  private readonly message = inject(NzMessageService);

  /** The customer whose records these are. */
  readonly externalUserid = input.required<string>();

  protected readonly textMax = RECORD_TEXT_MAX;
  protected readonly kind = signal<ContactRecordKind>('record');
  protected readonly text = signal('');
  protected readonly files = signal<ContactRecordAttachment[]>([]);
  protected readonly mentions = signal<string[]>([]);
  protected readonly remindAt = signal('');
  protected readonly colleagues = signal<Colleague[]>([]);
  protected readonly records = signal<ContactRecord[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly sending = signal(false);
  private page = 1;

  constructor() {
    effect(() => {
      const customer = this.externalUserid();
      this.page = 1;
      this.records.set([]);
      void this.load(customer);
    });
  }

  protected dateTime = formatDateTime;
  protected size = fileSizeLabel;

  protected mentionNames(record: ContactRecord): string {
    return record.mentions.map((m) => m.name).join('、');
  }

  protected downloadUrl(record: ContactRecord, file: ContactRecordAttachment): string {
    return this.api.downloadUrl(record.externalUserid, record.id, file.fileId);
  }

  private async load(customer: string): Promise<void> {
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.list(customer, this.page, PAGE_SIZE));
      this.records.update((shown) => (this.page === 1 ? page.items : [...shown, ...page.items]));
      this.total.set(page.total);
    } finally {
      this.loading.set(false);
    }
  }

  protected loadMore(): void {
    this.page += 1;
    void this.load(this.externalUserid());
  }

  protected async attach(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    const problem = attachmentProblem(this.files().length, chosen);
    if (problem) {
      this.message.warning(problem);
      return;
    }
    for (const file of chosen) {
      const stored = await firstValueFrom(this.api.upload(file));
      this.files.update((files) => [...files, stored]);
    }
  }

  protected detach(fileId: string): void {
    this.files.update((files) => files.filter((file) => file.fileId !== fileId));
  }

  protected searchColleagues(keyword: string): void {
    this.api.colleagues(keyword).subscribe((page) => this.colleagues.set(page.items));
  }

  protected async send(): Promise<void> {
    const kind = this.kind();
    const problem = recordProblem({
      kind,
      text: this.text(),
      mentionUserids: kind === 'reminder' ? this.mentions() : [],
      remindAt: kind === 'reminder' ? this.remindAt() : '',
    });
    if (problem) {
      this.message.warning(problem);
      return;
    }
    this.sending.set(true);
    try {
      const created = await firstValueFrom(
        this.api.create(this.externalUserid(), {
          kind,
          text: this.text().trim(),
          attachmentIds: kind === 'record' ? this.files().map((file) => file.fileId) : [],
          mentionUserids: kind === 'reminder' ? this.mentions() : [],
          remindAt: kind === 'reminder' ? remindAtIso(this.remindAt()) : undefined,
        }),
      );
      // R-3.1.3-05: the new record goes to the top of the feed.
      this.records.update((shown) => [created, ...shown]);
      this.total.update((total) => total + 1);
      this.text.set('');
      this.files.set([]);
      this.mentions.set([]);
      this.remindAt.set('');
      this.message.success('已发送');
    } finally {
      this.sending.set(false);
    }
  }

  protected remove(record: ContactRecord): void {
    this.api.remove(record.externalUserid, record.id).subscribe(() => {
      this.records.update((shown) => shown.filter((r) => r.id !== record.id));
      this.total.update((total) => total - 1);
    });
  }
}
