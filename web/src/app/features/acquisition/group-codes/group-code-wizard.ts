import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStepsModule } from 'ng-zorro-antd/steps';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { copyText } from './copy-link';
import { ActualGroupsTable } from './actual-groups-table';
import { GroupDialog } from './group-dialog';
import { GroupCodesApi } from './group-codes-api';
import {
  GroupCodeDetail,
  GroupCodeStrategy,
  GroupInput,
  GroupState,
  IMAGE_HINT,
  imageProblem,
  imageUrl,
  qrUrl,
  STRATEGY_OPTIONS,
  TEXT_MAX,
} from './group-codes.models';

/** A row of step 2: a group still to be created (新建) or one the code has (编辑). */
interface StepGroup extends GroupInput {
  id?: string;
  scanCount: number;
  state: GroupState;
  expiresAt: string;
}

/**
 * 新建群活码 / 编辑 (R-2.1.2): 新建活码 → 添加实际群码 → 完成配置, with the phone preview on the right
 * (R-2.1.2-10). A new code is created by step 2's "下一步" with all its groups; when editing, step 1 saves the
 * code's fields and step 2 changes the groups at once, as 管理实际群码 does.
 */
@Component({
  selector: 'app-group-code-wizard',
  imports: [...SHARED_IMPORTS, FormsModule, NzStepsModule, NzSelectModule, ActualGroupsTable, GroupDialog],
  templateUrl: './group-code-wizard.html',
  styleUrl: './group-codes.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupCodeWizard implements OnInit {
  private readonly api = inject(GroupCodesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);

  protected readonly strategies = STRATEGY_OPTIONS;
  protected readonly imageHint = IMAGE_HINT;
  protected readonly textMax = TEXT_MAX;
  protected readonly imageUrl = imageUrl;
  protected readonly step = signal(0);
  protected readonly codeId = signal<string | null>(null);
  protected readonly created = signal<GroupCodeDetail | null>(null);
  protected readonly groups = signal<StepGroup[]>([]);
  protected readonly editing = signal<{ index: number; group: GroupInput | null } | null>(null);
  protected readonly busy = signal(false);

  protected readonly name = signal('');
  protected readonly scene = signal('');
  protected readonly strategy = signal<GroupCodeStrategy | null>(null);
  protected readonly guide = signal('');
  protected readonly iconFileId = signal<string | null>(null);
  protected readonly previewGroup = computed(
    (): StepGroup | undefined =>
      this.groups().find((group) => group.state !== 'full' && group.state !== 'expired') ??
      this.groups().at(0),
  );
  protected readonly qrSrc = computed(() => {
    const code = this.created();
    return code ? `${qrUrl(code.id)}?v=${code.iconFileId ?? ''}` : '';
  });

  ngOnInit(): void {
    const codeId = this.route.snapshot.paramMap.get('codeId');
    if (!codeId) return;
    this.codeId.set(codeId);
    this.api.get(codeId).subscribe((code) => {
      this.name.set(code.name);
      this.scene.set(code.scene);
      this.strategy.set(code.strategy);
      this.guide.set(code.guide);
      this.iconFileId.set(code.iconFileId);
      this.showGroups(code);
    });
  }

  protected pickIcon(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const problem = imageProblem(file);
    if (problem) {
      this.message.error(problem);
      return;
    }
    this.api.uploadImage(file).subscribe((uploaded) => this.iconFileId.set(uploaded.fileId));
  }

  protected nextFromCode(): void {
    const problem = this.codeProblem();
    if (problem) {
      this.message.error(problem);
      return;
    }
    const codeId = this.codeId();
    if (!codeId) {
      this.step.set(1);
      return;
    }
    this.busy.set(true);
    this.api.update(codeId, this.fields()).subscribe({
      next: (code) => {
        this.busy.set(false);
        this.showGroups(code);
        this.step.set(1);
      },
      error: () => this.busy.set(false),
    });
  }

  protected nextFromGroups(): void {
    if (this.groups().length === 0) {
      this.message.error('请至少添加一个实际群码');
      return;
    }
    const codeId = this.codeId();
    const done = (code: GroupCodeDetail) => {
      this.busy.set(false);
      this.created.set(code);
      this.step.set(2);
    };
    this.busy.set(true);
    const request = codeId
      ? this.api.get(codeId)
      : this.api.create(
          this.fields(),
          this.groups().map(({ qrFileId, name, expiresOn, scanLimit, store }) => ({
            qrFileId,
            name,
            expiresOn,
            scanLimit,
            store: store ?? null,
          })),
        );
    request.subscribe({ next: done, error: () => this.busy.set(false) });
  }

  protected saveGroup(group: GroupInput): void {
    const target = this.editing();
    if (!target) return;
    const codeId = this.codeId();
    const existing = target.index >= 0 ? this.groups()[target.index] : undefined;
    if (codeId) {
      const request = existing?.id
        ? this.api.updateGroup(codeId, existing.id, group)
        : this.api.addGroup(codeId, group);
      request.subscribe((code) => {
        this.showGroups(code);
        this.editing.set(null);
      });
      return;
    }
    const row: StepGroup = {
      ...group,
      scanCount: 0,
      state: 'waiting',
      expiresAt: `${group.expiresOn} 23:59:59`,
    };
    this.groups.update((rows) =>
      target.index >= 0 ? rows.map((current, i) => (i === target.index ? row : current)) : [...rows, row],
    );
    this.editing.set(null);
  }

  protected removeGroup(index: number): void {
    const codeId = this.codeId();
    const group = this.groups()[index];
    if (codeId && group?.id) {
      this.api.removeGroup(codeId, group.id).subscribe((code) => this.showGroups(code));
      return;
    }
    this.groups.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected copyLink(): void {
    const code = this.created();
    if (!code) return;
    void copyText(code.link).then(() => this.message.success('复制成功'));
  }

  protected downloadUrl(): string {
    const code = this.created();
    return code ? `${qrUrl(code.id)}?download=1` : '';
  }

  protected backToList(): void {
    void this.router.navigate(['/acquisition/group-codes']);
  }

  private showGroups(code: GroupCodeDetail): void {
    this.groups.set(code.groups.map((group) => ({ ...group })));
  }

  private fields() {
    return {
      name: this.name().trim(),
      scene: this.scene().trim(),
      strategy: this.strategy()!,
      guide: this.guide().trim(),
      iconFileId: this.iconFileId(),
    };
  }

  private codeProblem(): string | null {
    if (!this.name().trim()) return '请输入群活码名称';
    if (!this.scene().trim()) return '请输入活动场景';
    if (!this.strategy()) return '请选择分配策略';
    return null;
  }
}
