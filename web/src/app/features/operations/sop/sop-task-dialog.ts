import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTimePickerModule } from 'ng-zorro-antd/time-picker';

import { ChosenLink, CommonLinkPicker } from '../../../shared/common-link-picker/common-link-picker';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { SopApi } from './sop-api';
import {
  CHANNEL_LABELS,
  CONTENT_LABELS,
  CONTENTS_MAX,
  ContentDraft,
  contentDraft,
  fileProblem,
  SopChannel,
  SopContentKind,
  SopTaskForm,
  SopTaskInput,
  TASK_NAME_MAX,
  taskForm,
  taskOfForm,
  taskProblem,
  TEXT_MAX,
} from './sop.models';

/**
 * 设置推送任务 (R-8.1-07 … 11): 任务名称, 设置发送时间 (X小时Y分钟后 or N天后 HH:mm), 设置发送形式 and up to 5
 * messages of 文本 / 图片 / 视频 / 链接 / 图文 / 海报; files go to /api/sop/media as they are chosen.
 */
@Component({
  selector: 'app-sop-task-dialog',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzInputNumberModule,
    NzModalModule,
    NzRadioModule,
    NzTimePickerModule,
    CommonLinkPicker,
  ],
  templateUrl: './sop-task-dialog.html',
  styles: `
    /* nz-radio-group sets font-size 0 (for the gaps between radios): the words between the inputs need theirs. */
    .row {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      font-size: 14px;
    }
    .message {
      border: 1px solid #f0f0f0;
      border-radius: 4px;
      padding: 8px 12px;
      margin-bottom: 8px;
    }
    .message-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      margin-bottom: 8px;
    }
    .hint,
    .counter {
      color: #8c8c8c;
      font-size: 12px;
    }
    .preview {
      max-width: 160px;
      max-height: 120px;
      display: block;
      margin-top: 4px;
    }
    .field {
      margin-top: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SopTaskDialog implements OnInit {
  private readonly api = inject(SopApi);
  private readonly message = inject(NzMessageService);

  /** The task being edited, or null for a new one. */
  readonly task = input<SopTaskInput | null>(null);
  readonly saved = output<Omit<SopTaskInput, 'id'>>();
  readonly cancelled = output<void>();

  protected readonly taskNameMax = TASK_NAME_MAX;
  protected readonly textMax = TEXT_MAX;
  protected readonly contentsMax = CONTENTS_MAX;
  protected readonly channelOptions = Object.entries(CHANNEL_LABELS) as Array<[SopChannel, string]>;
  protected readonly kindOptions = Object.entries(CONTENT_LABELS) as Array<[SopContentKind, string]>;
  protected readonly kindLabels = CONTENT_LABELS;
  protected readonly uploading = signal(false);

  protected form: SopTaskForm = taskForm(null);
  /** 当日 [选择时间] as the time picker holds it. */
  protected time: Date | null = null;

  ngOnInit(): void {
    this.form = taskForm(this.task());
    const [hours, minutes] = this.form.time.split(':').map(Number);
    this.time = new Date(2000, 0, 1, hours, minutes);
  }

  protected chars(text: string): number {
    return [...text].length;
  }

  protected add(kind: SopContentKind): void {
    if (this.form.contents.length >= CONTENTS_MAX) {
      this.message.warning(`最多添加${CONTENTS_MAX}条消息`);
      return;
    }
    this.form.contents = [...this.form.contents, contentDraft(kind)];
  }

  protected remove(index: number): void {
    this.form.contents = this.form.contents.filter((_, at) => at !== index);
  }

  /** A new kind for a message starts it empty: a 文本's words do not become a 图片. */
  protected changeKind(index: number, kind: SopContentKind): void {
    this.form.contents = this.form.contents.map((draft, at) => (at === index ? contentDraft(kind) : draft));
  }

  protected pickLink(draft: ContentDraft, link: ChosenLink): void {
    draft.title = link.title;
    draft.url = link.url;
    draft.desc = link.description;
    draft.picUrl = link.coverUrl;
  }

  protected upload(draft: ContentDraft, event: Event): void {
    const inputElement = event.target as HTMLInputElement;
    const file = inputElement.files?.[0];
    inputElement.value = '';
    if (!file) return;
    const problem = fileProblem(file, draft.kind === 'video' ? 'video' : 'image');
    if (problem) {
      this.message.warning(problem);
      return;
    }
    this.uploading.set(true);
    this.api.upload(file).subscribe({
      next: (media) => {
        draft.fileId = media.fileId;
        draft.name = media.name;
        draft.previewUrl = media.url;
        this.uploading.set(false);
      },
      error: () => this.uploading.set(false),
    });
  }

  protected submit(): void {
    const time = this.time;
    const pad = (n: number) => String(n).padStart(2, '0');
    this.form.time = time ? `${pad(time.getHours())}:${pad(time.getMinutes())}` : '';
    const problem = taskProblem(this.form);
    if (problem) {
      this.message.warning(problem);
      return;
    }
    this.saved.emit(taskOfForm(this.form));
  }
}
