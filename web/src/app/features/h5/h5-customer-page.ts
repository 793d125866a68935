import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { IfPermittedDirective } from '../../core/auth/if-permitted.directive';
import { CustomerChats } from '../archive/customer-chats/customer-chats';
import { ContactRecordTimeline } from '../customers/contact-records/contact-record-timeline';
import { CustomerOptions } from '../customers/customers/customer.models';
import {
  CUSTOMER_SOURCES,
  customerSuffix,
  H5CustomerEdit,
  H5CustomerProfile,
  H5CustomerTagging,
  H5TagGroup,
  minuteLabel,
  orNone,
  tagChangeOf,
} from './h5-customer.models';
import { H5KnowledgePanel } from './h5-knowledge-panel';
import { jssdkFailureReason, WeComJssdk } from './wecom-jssdk';

/** `?tab=` of a link into the side panel. */
const TAB_INDEX: Record<string, number> = { records: 1, chats: 2, knowledge: 3 };

/**
 * The sidebar of a single chat (R-3.1.4, R-3.1.3-06, R-3.1.5-05, issue 15): 客户资料 (view, edit the fields the
 * customer's kind allows), 联系记录, 企微会话记录 (the customer's archived chats the member may see) and 知识库
 * (话术, 常用语 and 常用链接 to send into the chat). The customer comes from the JS-SDK (getCurExternalContact), or from
 * the link of a reminder message (`?externalUserid=`).
 */
@Component({
  selector: 'app-h5-customer-page',
  imports: [
    FormsModule,
    NzAvatarModule,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzTabsModule,
    NzTagModule,
    ContactRecordTimeline,
    CustomerChats,
    IfPermittedDirective,
    H5KnowledgePanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .head {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    .name {
      font-size: 16px;
      font-weight: 600;
    }
    .suffix {
      color: #52c41a;
      font-size: 12px;
      margin-left: 4px;
    }
    dl {
      display: grid;
      grid-template-columns: 84px 1fr;
      gap: 8px 4px;
      margin: 8px 0;
    }
    dt {
      color: #999;
    }
    dd {
      margin: 0;
      word-break: break-all;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
  `,
  template: `
    @if (problem()) {
      <p data-testid="h5-problem">{{ problem() }}</p>
    }
    @if (profile(); as p) {
      <div class="head">
        <nz-avatar [nzSrc]="p.avatar" nzIcon="user"></nz-avatar>
        <div>
          <span class="name" data-testid="h5-customer-name">{{ p.name }}</span>
          <span class="suffix">{{ suffix(p) }}</span>
        </div>
      </div>
      <nz-tabs [nzSelectedIndex]="tabIndex()">
        <nz-tab nzTitle="客户资料">
          <dl>
            <dt>跟进人</dt>
            <dd>{{ p.owner?.name ?? '暂无' }}</dd>
            <dt>添加时间</dt>
            <dd>{{ minute(p.firstAddedAt) }}</dd>
            <dt>标签</dt>
            <dd data-testid="h5-tags">
              @if (taggingDraft(); as draft) {
                <nz-select
                  nzMode="multiple"
                  nzPlaceHolder="选择标签"
                  style="width: 100%"
                  [ngModel]="draft"
                  (ngModelChange)="taggingDraft.set($event)"
                  data-testid="h5-tag-select"
                >
                  @for (group of tagGroups(); track group.groupId) {
                    <nz-option-group [nzLabel]="group.name">
                      @for (tag of group.tags; track tag.id) {
                        <nz-option [nzValue]="tag.id" [nzLabel]="tag.name" />
                      }
                    </nz-option-group>
                  }
                </nz-select>
                <div class="actions">
                  <button
                    nz-button
                    nzType="primary"
                    nzSize="small"
                    [nzLoading]="savingTags()"
                    (click)="saveTags(p, draft)"
                    data-testid="h5-save-tags"
                  >
                    保存
                  </button>
                  <button nz-button nzSize="small" (click)="taggingDraft.set(null)">取消</button>
                </div>
              } @else {
                @for (tag of p.tags; track tag.id) {
                  <nz-tag>{{ tag.name }}</nz-tag>
                } @empty {
                  暂无
                }
                <button
                  *appIfPermitted="'customer.customers.tag'"
                  nz-button
                  nzType="link"
                  nzSize="small"
                  (click)="startTagging(p)"
                  data-testid="h5-edit-tags"
                >
                  编辑标签
                </button>
              }
            </dd>
            <dt>好友和群聊</dt>
            <dd>共{{ p.staffCount }}个员工，共{{ p.groupCount }}个群</dd>
          </dl>
          <h4>详细信息</h4>
          @if (!editing()) {
            <dl>
              <dt>电话</dt>
              <dd data-testid="h5-phone">{{ none(p.phone) }}</dd>
              <dt>客户来源</dt>
              <dd data-testid="h5-source">{{ none(p.source) }}</dd>
              @if (expanded()) {
                <dt>企业</dt>
                <dd data-testid="h5-corp-name">{{ none(p.corpName) }}</dd>
              }
            </dl>
            <div class="actions">
              <button nz-button nzType="link" nzSize="small" (click)="expanded.set(!expanded())">
                {{ expanded() ? '收起∧' : '展开∨' }}
              </button>
              <button nz-button nzSize="small" (click)="startEdit(p)" data-testid="h5-edit">编辑</button>
            </div>
          } @else {
            <dl>
              <dt>电话</dt>
              <dd><input nz-input [(ngModel)]="draftPhone" data-testid="h5-edit-phone" /></dd>
              <dt>客户来源</dt>
              <dd>
                <nz-select
                  [(ngModel)]="draftSource"
                  nzAllowClear
                  nzPlaceHolder="请选择"
                  style="width: 100%"
                  data-testid="h5-edit-source"
                >
                  @for (source of sources; track source) {
                    <nz-option [nzValue]="source" [nzLabel]="source"></nz-option>
                  }
                </nz-select>
              </dd>
              @if (p.editableFields.includes('corpName')) {
                <dt>企业</dt>
                <dd><input nz-input [(ngModel)]="draftCorpName" data-testid="h5-edit-corp-name" /></dd>
              }
            </dl>
            <div class="actions">
              <button nz-button nzType="primary" nzSize="small" (click)="save(p)" data-testid="h5-save">
                保存
              </button>
              <button nz-button nzSize="small" (click)="editing.set(false)">取消</button>
            </div>
          }
        </nz-tab>
        <nz-tab nzTitle="联系记录" data-testid="h5-tab-records">
          <ng-template nz-tab>
            <app-contact-record-timeline [externalUserid]="p.externalUserid" />
          </ng-template>
        </nz-tab>
        <nz-tab nzTitle="企微会话记录" data-testid="h5-tab-chats" (nzSelect)="loadStaffOptions()">
          <ng-template nz-tab>
            <app-customer-chats
              [externalUserid]="p.externalUserid"
              [customerName]="p.name"
              [staff]="staffOptions()"
              [mobile]="true"
            />
          </ng-template>
        </nz-tab>
        <nz-tab nzTitle="知识库" data-testid="h5-tab-knowledge">
          <ng-template nz-tab>
            <app-h5-knowledge-panel />
          </ng-template>
        </nz-tab>
      </nz-tabs>
    }
  `,
})
export class H5CustomerPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly jssdk = inject(WeComJssdk);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthService);

  /** From a reminder message's link; inside the sidebar the JS-SDK says who the customer is. */
  readonly externalUserid = input<string>('');
  readonly tab = input<string>('');

  protected readonly tabIndex = computed(() => TAB_INDEX[this.tab()] ?? 0);
  protected readonly profile = signal<H5CustomerProfile | null>(null);
  /** 企微会话记录's 员工 filter: the staff in the member's 数据权限, loaded when the tab is first opened. */
  protected readonly staffOptions = signal<CustomerOptions['staff']>([]);
  protected readonly problem = signal('');
  protected readonly editing = signal(false);
  protected readonly expanded = signal(false);
  protected readonly draftPhone = signal('');
  protected readonly draftSource = signal<string | null>(null);
  protected readonly draftCorpName = signal('');
  /** The tag ids being chosen, or null when not tagging. */
  protected readonly taggingDraft = signal<string[] | null>(null);
  protected readonly tagGroups = signal<H5TagGroup[]>([]);
  protected readonly savingTags = signal(false);
  protected readonly sources = CUSTOMER_SOURCES;
  protected readonly suffix = customerSuffix;
  protected readonly minute = minuteLabel;
  protected readonly none = orNone;

  async ngOnInit(): Promise<void> {
    let customer = this.externalUserid();
    if (!customer) {
      try {
        customer = await this.jssdk.currentCustomer();
      } catch (error) {
        this.problem.set(`无法获取当前客户：${jssdkFailureReason(error)}`);
        return;
      }
    }
    this.profile.set(
      await firstValueFrom(
        this.http.get<H5CustomerProfile>(`/api/h5/customers/${encodeURIComponent(customer)}`),
      ),
    );
  }

  protected async loadStaffOptions(): Promise<void> {
    // Without the customer list's permission the filter offers nobody; the chats still show.
    if (this.staffOptions().length > 0 || !this.auth.can('customer.customers')) return;
    const options = await firstValueFrom(this.http.get<CustomerOptions>('/api/customers/options'));
    this.staffOptions.set(options.staff);
  }

  protected async startTagging(profile: H5CustomerProfile): Promise<void> {
    if (this.tagGroups().length === 0) {
      const options = await firstValueFrom(this.http.get<{ tagGroups: H5TagGroup[] }>('/api/h5/tag-options'));
      this.tagGroups.set(options.tagGroups);
    }
    this.taggingDraft.set(profile.tags.map((tag) => tag.id));
  }

  /** Saved at once; WeCom gets the tags through the same write-back as the admin's 打标签 (R-3.1.4-03). */
  protected async saveTags(profile: H5CustomerProfile, chosen: string[]): Promise<void> {
    const change = tagChangeOf(profile.tags, chosen);
    if (change.addTagIds.length + change.removeTagIds.length === 0) {
      this.taggingDraft.set(null);
      return;
    }
    this.savingTags.set(true);
    try {
      const tagged = await firstValueFrom(
        this.http.post<H5CustomerTagging>(
          `/api/h5/customers/${encodeURIComponent(profile.externalUserid)}/tags`,
          change,
        ),
      );
      this.profile.set(tagged.profile);
      this.taggingDraft.set(null);
      this.message.success('标签已保存');
    } finally {
      this.savingTags.set(false);
    }
  }

  protected startEdit(profile: H5CustomerProfile): void {
    this.draftPhone.set(profile.phone);
    this.draftSource.set(profile.source || null);
    this.draftCorpName.set(profile.corpName);
    this.editing.set(true);
  }

  protected async save(profile: H5CustomerProfile): Promise<void> {
    const edit: H5CustomerEdit = { phone: this.draftPhone().trim(), source: this.draftSource() ?? '' };
    if (profile.editableFields.includes('corpName')) edit.corpName = this.draftCorpName().trim();
    const saved = await firstValueFrom(
      this.http.patch<H5CustomerProfile>(
        `/api/h5/customers/${encodeURIComponent(profile.externalUserid)}`,
        edit,
      ),
    );
    this.profile.set(saved);
    this.editing.set(false);
    this.message.success('已保存');
  }
}
