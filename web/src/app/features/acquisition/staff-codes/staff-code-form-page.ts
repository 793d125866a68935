import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { Department } from '../../system/org/org.models';
import { OrgApi } from '../../system/org/org-api';
import { StaffOption, StaffSelect } from '../../system/org/staff-select';
import { TagGroup } from '../../system/tags/tags.models';
import { TagsApi } from '../../system/tags/tags-api';
import { PREVIEW_QR_URL, StaffCodesApi } from './staff-codes-api';
import { SCENE_MAX, StaffCode, StaffCodeCreateKind, WELCOME_MAX } from './staff-codes.models';

const characters = (text: string) => [...text].length;

/**
 * 新建 / 编辑员工活码: 活码类型 (fixed once saved), 使用员工 with departments for 批量单人 and 多人,
 * 确认设置, 活动场景, 添加标签, 欢迎语; the preview shows the plain QR until the code and its staff are saved
 * (R-2.2.2-13..16).
 */
@Component({
  selector: 'app-staff-code-form-page',
  imports: [
    ...SHARED_IMPORTS,
    FormsModule,
    NzCheckboxModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    StaffSelect,
  ],
  templateUrl: './staff-code-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .layout {
      display: flex;
      gap: 32px;
      align-items: flex-start;
    }
    .form {
      flex: 1;
      max-width: 640px;
    }
    .row {
      margin-bottom: 20px;
    }
    .row > label {
      display: block;
      margin-bottom: 6px;
    }
    .required::before {
      content: '*';
      color: #ff4d4f;
      margin-right: 4px;
    }
    .hint {
      color: #8c8c8c;
      font-size: 12px;
      margin-top: 4px;
    }
    .counter {
      color: #8c8c8c;
      font-size: 12px;
      text-align: right;
    }
    .wide {
      width: 100%;
    }
    .preview {
      width: 280px;
      border: 1px solid #f0f0f0;
      border-radius: 16px;
      padding: 16px;
      text-align: center;
    }
    .preview img {
      width: 200px;
      height: 200px;
    }
    .bubble {
      text-align: left;
      background: #f5f5f5;
      border-radius: 8px;
      padding: 8px;
      margin-top: 8px;
      white-space: pre-wrap;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class StaffCodeFormPage implements OnInit {
  private readonly api = inject(StaffCodesApi);
  private readonly orgApi = inject(OrgApi);
  private readonly tagsApi = inject(TagsApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly sceneMax = SCENE_MAX;
  protected readonly welcomeMax = WELCOME_MAX;
  protected readonly saved = signal<StaffCode | null>(null);
  protected readonly kind = signal<StaffCodeCreateKind>('single');
  protected readonly userids = signal<string[]>([]);
  protected readonly departmentIds = signal<number[]>([]);
  protected readonly skipVerify = signal(true);
  protected readonly scene = signal('');
  protected readonly tagIds = signal<string[]>([]);
  protected readonly welcomeText = signal('');
  protected readonly saving = signal(false);
  /** The saved code's members, named before the picker searches them. */
  protected readonly members = signal<StaffOption[]>([]);
  protected readonly departments = signal<Department[]>([]);
  protected readonly tagGroups = signal<TagGroup[]>([]);

  protected readonly editing = computed(() => this.saved() !== null);
  protected readonly manyMembers = computed(() => this.kind() !== 'single');
  protected readonly singleUserid = computed<string | null>(() => this.userids()[0] ?? null);
  /** The real code only once saved and while its staff are unchanged (R-2.2.2-15/16). */
  protected readonly previewQr = computed(() => {
    const saved = this.saved();
    const unchanged =
      saved !== null &&
      sameSet(saved.userids, this.userids()) &&
      sameSet(saved.departmentIds.map(String), this.departmentIds().map(String));
    return unchanged && saved.qrCode ? saved.qrCode : PREVIEW_QR_URL;
  });
  protected readonly sceneLength = computed(() => characters(this.scene()));
  protected readonly welcomeLength = computed(() => characters(this.welcomeText()));

  ngOnInit(): void {
    this.orgApi.departments().subscribe((list) => this.departments.set(list.items));
    this.tagsApi.list('corp').subscribe((groups) => this.tagGroups.set(groups));
    const id = this.route.snapshot.paramMap.get('id');
    if (!id) return;
    this.api.get(id).subscribe((code) => {
      this.saved.set(code);
      this.kind.set(code.kind);
      this.userids.set(code.userids);
      this.departmentIds.set(code.departmentIds);
      this.skipVerify.set(code.skipVerify);
      this.scene.set(code.scene);
      this.tagIds.set(code.tags.map((tag) => tag.id));
      this.welcomeText.set(code.welcomeText);
      this.members.set(code.members.map(({ userid, name }) => ({ userid, name })));
    });
  }

  protected changeKind(kind: StaffCodeCreateKind): void {
    this.kind.set(kind);
    if (kind === 'single') {
      this.userids.set(this.userids().slice(0, 1));
      this.departmentIds.set([]);
    }
  }

  protected chooseSingle(userid: string | null): void {
    this.userids.set(userid ? [userid] : []);
  }

  protected limit(text: string, max: number): string {
    return [...text].slice(0, max).join('');
  }

  protected save(): void {
    const error = this.problem();
    if (error) {
      this.message.error(error);
      return;
    }
    const fields = {
      userids: this.userids(),
      departmentIds: this.departmentIds(),
      skipVerify: this.skipVerify(),
      scene: this.scene().trim(),
      tagIds: this.tagIds(),
      welcomeText: this.welcomeText().trim(),
    };
    this.saving.set(true);
    const saved = this.saved();
    const done = {
      next: () => {
        this.saving.set(false);
        this.message.success('保存成功');
        void this.router.navigate(['/acquisition/staff-codes']);
      },
      error: () => this.saving.set(false),
    };
    if (saved) this.api.update(saved.id, fields).subscribe(done);
    else this.api.create(this.kind(), fields).subscribe(done);
  }

  protected cancel(): void {
    this.modal.confirm({
      nzTitle: '是否放弃本次编辑？',
      nzOkText: '确认',
      nzCancelText: '取消',
      nzOnOk: () => void this.router.navigate(['/acquisition/staff-codes']),
    });
  }

  private problem(): string | null {
    if (this.userids().length === 0 && this.departmentIds().length === 0) return '请选择使用员工';
    if (this.kind() === 'multi' && this.userids().length > 100) return '每个多人活码最多支持设置100位员工';
    if (!this.scene().trim()) return '请输入活动场景';
    return null;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
