import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { CommonLinkPicker, type ChosenLink } from '../../../shared/common-link-picker/common-link-picker';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { WelcomeApi } from './welcome-api';
import {
  imageProblem,
  NICKNAME,
  previewText,
  Welcome,
  WelcomeAttachment,
  WelcomeKind,
  WELCOME_TEXT_MAX,
} from './welcome.models';

type AttachmentKind = 'none' | WelcomeAttachment['kind'];

/**
 * 新建/编辑 a 默认欢迎语 or 客户群欢迎语 (R-2.3.1-04/05, R-2.3.2-02): text up to 300 characters (with the
 * #nickname# variable for the default welcome), one attachment (图片 / 链接 / 小程序, I-35) and a phone preview
 * as sent by 微丰小助手.
 */
@Component({
  selector: 'app-welcome-dialog',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzModalModule,
    NzRadioModule,
    CommonLinkPicker,
    IfPermittedDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .layout {
      display: flex;
      gap: 24px;
    }
    .form {
      flex: 1;
    }
    .row {
      margin-bottom: 12px;
    }
    .counter {
      color: #8c8c8c;
      font-size: 12px;
      text-align: right;
    }
    .phone {
      width: 240px;
      border: 1px solid #f0f0f0;
      border-radius: 16px;
      padding: 12px;
      background: #fafafa;
    }
    .sender {
      color: #8c8c8c;
      font-size: 12px;
    }
    .bubble {
      background: #fff;
      border-radius: 8px;
      padding: 8px;
      margin-top: 6px;
      white-space: pre-wrap;
    }
    .bubble img {
      max-width: 100%;
    }
  `,
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="title()"
      [nzWidth]="760"
      nzOkText="确定"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      (nzOnOk)="save()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <div class="layout" data-testid="welcome-dialog">
          <div class="form">
            <div class="row">
              <span class="title">* 欢迎语</span>
              <textarea
                nz-input
                rows="5"
                [placeholder]="
                  kind() === 'group' ? '输入客户群欢迎语（最多300个汉字）' : '请输入欢迎语（最多300个汉字）'
                "
                [ngModel]="text()"
                (ngModelChange)="text.set(limit($event))"
                data-testid="welcome-text"
              ></textarea>
              <div class="counter">{{ length() }}/{{ max }}</div>
              @if (kind() === 'default') {
                <button nz-button nzSize="small" type="button" (click)="insertNickname()">
                  插入客户昵称
                </button>
              }
            </div>
            <div class="row">
              <nz-radio-group [ngModel]="attachmentKind()" (ngModelChange)="attachmentKind.set($event)">
                <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
                <label nz-radio-button nzValue="none">无附件</label>
                <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
                <label nz-radio-button nzValue="image">图片</label>
                <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
                <label nz-radio-button nzValue="link">链接</label>
                <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
                <label nz-radio-button nzValue="miniprogram">小程序</label>
              </nz-radio-group>
            </div>
            @switch (attachmentKind()) {
              @case ('image') {
                <div class="row">
                  <input type="file" accept="image/png,image/jpeg" (change)="upload($event, 'image')" />
                  <div class="counter">只能上传jpg/png格式图片，且不超过2M {{ imageName() }}</div>
                </div>
              }
              @case ('link') {
                <div class="row" *appIfPermitted="'material.knowledge'">
                  <app-common-link-picker (chosen)="useLink($event)" />
                </div>
                <div class="row"><input nz-input placeholder="链接标题" [(ngModel)]="linkTitle" /></div>
                <div class="row">
                  <input nz-input placeholder="链接地址（http/https）" [(ngModel)]="linkUrl" />
                </div>
                <div class="row">
                  <input nz-input placeholder="链接描述（选填）" [(ngModel)]="linkDesc" />
                </div>
                <div class="row">
                  <input nz-input placeholder="封面图片地址（选填）" [(ngModel)]="linkPicUrl" />
                </div>
              }
              @case ('miniprogram') {
                <div class="row"><input nz-input placeholder="小程序标题" [(ngModel)]="mpTitle" /></div>
                <div class="row"><input nz-input placeholder="小程序AppID" [(ngModel)]="mpAppid" /></div>
                <div class="row"><input nz-input placeholder="小程序页面路径" [(ngModel)]="mpPage" /></div>
                <div class="row">
                  封面：<input type="file" accept="image/png,image/jpeg" (change)="upload($event, 'cover')" />
                  <span class="counter">{{ coverName() }}</span>
                </div>
              }
            }
          </div>
          <div class="phone">
            <div class="sender">微丰小助手</div>
            @if (text()) {
              <div class="bubble" data-testid="welcome-preview">{{ preview() }}</div>
            }
            @if (attachmentKind() === 'image' && imageUrl()) {
              <div class="bubble"><img [src]="imageUrl()" alt="图片" /></div>
            }
            @if (attachmentKind() === 'link' && linkTitle) {
              <div class="bubble">[链接] {{ linkTitle }}</div>
            }
            @if (attachmentKind() === 'miniprogram' && mpTitle) {
              <div class="bubble">[小程序] {{ mpTitle }}</div>
            }
          </div>
        </div>
      </ng-container>
    </nz-modal>
  `,
})
export class WelcomeDialog implements OnInit {
  private readonly api = inject(WelcomeApi);
  private readonly message = inject(NzMessageService);

  readonly kind = input.required<WelcomeKind>();
  /** The welcome to edit; none for 新建. */
  readonly welcome = input<Welcome | null>(null);
  readonly saved = output<void>();
  readonly closed = output<void>();

  protected readonly max = WELCOME_TEXT_MAX;
  protected readonly text = signal('');
  protected readonly attachmentKind = signal<AttachmentKind>('none');
  protected readonly imageFileId = signal('');
  protected readonly imageName = signal('');
  protected readonly imageUrl = signal('');
  protected readonly coverFileId = signal('');
  protected readonly coverName = signal('');
  protected readonly saving = signal(false);
  protected readonly length = computed(() => [...this.text()].length);
  protected readonly preview = computed(() => previewText(this.text()));
  protected readonly title = computed(() => {
    const editing = this.welcome() !== null;
    if (this.kind() === 'group') return editing ? '编辑客户群欢迎语' : '新增客户群欢迎语';
    return editing ? '编辑默认欢迎语' : '新建默认欢迎语';
  });
  protected linkTitle = '';
  protected linkUrl = '';
  protected linkDesc = '';
  protected linkPicUrl = '';
  protected mpTitle = '';
  protected mpAppid = '';
  protected mpPage = '';

  ngOnInit(): void {
    const welcome = this.welcome();
    if (!welcome) return;
    this.text.set(welcome.text);
    const attachment = welcome.attachment;
    this.attachmentKind.set(attachment?.kind ?? 'none');
    if (attachment?.kind === 'image') {
      this.imageFileId.set(attachment.fileId);
      this.imageName.set(attachment.name);
    } else if (attachment?.kind === 'link') {
      ({
        title: this.linkTitle,
        url: this.linkUrl,
        desc: this.linkDesc,
        picUrl: this.linkPicUrl,
      } = attachment);
    } else if (attachment?.kind === 'miniprogram') {
      ({ title: this.mpTitle, appid: this.mpAppid, page: this.mpPage } = attachment);
      this.coverFileId.set(attachment.coverFileId);
    }
  }

  protected limit(text: string): string {
    return [...text].slice(0, WELCOME_TEXT_MAX).join('');
  }

  /** A 常用链接 chosen from the 知识库 fills the link card; each field stays editable. */
  protected useLink(link: ChosenLink): void {
    this.linkTitle = link.title;
    this.linkUrl = link.url;
    this.linkDesc = link.description;
    this.linkPicUrl = link.coverUrl;
  }

  protected insertNickname(): void {
    this.text.set(this.limit(this.text() + NICKNAME));
  }

  protected upload(event: Event, target: 'image' | 'cover'): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const problem = imageProblem(file);
    if (problem) {
      this.message.error(problem);
      return;
    }
    this.api.uploadImage(file).subscribe((image) => {
      if (target === 'image') {
        this.imageFileId.set(image.fileId);
        this.imageName.set(image.name);
        this.imageUrl.set(image.url);
      } else {
        this.coverFileId.set(image.fileId);
        this.coverName.set(image.name);
      }
    });
  }

  protected save(): void {
    const attachment = this.attachment();
    if (attachment === undefined) return;
    if (!this.text().trim() && !attachment) {
      this.message.error('请输入欢迎语');
      return;
    }
    this.saving.set(true);
    const welcome = this.welcome();
    const request = welcome
      ? this.api.update(this.kind(), welcome.id, this.text(), attachment)
      : this.api.create(this.kind(), this.text(), attachment);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.message.success('保存成功');
        this.saved.emit();
      },
      error: () => this.saving.set(false),
    });
  }

  /** The attachment to save; undefined (with a message) when one is chosen but incomplete. */
  private attachment(): WelcomeAttachment | null | undefined {
    switch (this.attachmentKind()) {
      case 'none':
        return null;
      case 'image':
        if (!this.imageFileId()) return this.refuse('请上传图片');
        return { kind: 'image', fileId: this.imageFileId(), name: this.imageName() };
      case 'link':
        if (!this.linkTitle.trim() || !this.linkUrl.trim()) return this.refuse('请输入链接标题和链接地址');
        return {
          kind: 'link',
          title: this.linkTitle,
          url: this.linkUrl,
          desc: this.linkDesc,
          picUrl: this.linkPicUrl,
        };
      case 'miniprogram':
        if (!this.mpTitle.trim() || !this.mpAppid.trim() || !this.mpPage.trim() || !this.coverFileId())
          return this.refuse('请填写小程序标题、AppID、页面路径并上传封面');
        return {
          kind: 'miniprogram',
          title: this.mpTitle,
          appid: this.mpAppid,
          page: this.mpPage,
          coverFileId: this.coverFileId(),
        };
    }
  }

  private refuse(message: string): undefined {
    this.message.error(message);
    return undefined;
  }
}
