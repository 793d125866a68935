import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { Observable } from 'rxjs';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { ListEmpty } from '../../../shared/list-empty/list-empty';
import { ManualSync } from '../../../shared/manual-sync/manual-sync';
import { ManualSyncButton } from '../../../shared/manual-sync/manual-sync-button';
import { escapeHtml } from '../../../shared/html-text';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { TagDialog, TagDialogMode, TagDialogResult } from './tag-dialog';
import { movedIds, Tag, TagGroup, tagColorHex, TagKind } from './tags.models';
import { TagsApi } from './tags-api';

interface OpenDialog {
  mode: TagDialogMode;
  group?: TagGroup;
  tag?: Tag;
  initial: TagDialogResult;
}

/**
 * One tab of 标签管理 (R-7.3.1-02, R-7.3.2): tag groups as rows (name, tag chips, "+ 标签", 创建时间, 操作),
 * dragged to re-order; each chip's "…" menu edits or deletes it. Deleting asks first (I-105).
 */
@Component({
  selector: 'app-tag-board',
  imports: [
    ...SHARED_IMPORTS,
    ListEmpty,
    DatePipe,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    NzDropDownModule,
    NzTagModule,
    NzTooltipModule,
    TagDialog,
    IfPermittedDirective,
    ManualSyncButton,
  ],
  templateUrl: './tag-board.html',
  styleUrl: './tag-board.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagBoard implements OnInit {
  private readonly api = inject(TagsApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  readonly kind = input.required<TagKind>();

  protected readonly groups = signal<TagGroup[]>([]);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  /** 同步 of 企业微信标签 (R-7.3.1-01, I-105): the board is read again when the sync ends. */
  protected readonly sync = new ManualSync(
    { state: () => this.api.corpTagSyncState(), start: () => this.api.syncCorpTags() },
    () => this.reload(),
  );
  protected readonly dialog = signal<OpenDialog | null>(null);
  protected readonly colorOf = tagColorHex;
  protected readonly isCorp = computed(() => this.kind() === 'corp');

  ngOnInit(): void {
    this.reload();
    if (this.isCorp()) this.sync.load();
  }

  protected reload(): void {
    this.loading.set(true);
    this.api.list(this.kind()).subscribe({
      next: (groups) => {
        this.groups.set(groups);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected openAddGroup(): void {
    this.dialog.set({ mode: this.isCorp() ? 'add-group-with-tag' : 'add-group', initial: {} });
  }

  protected openRenameGroup(group: TagGroup): void {
    this.dialog.set({ mode: 'rename-group', group, initial: { groupName: group.name } });
  }

  protected openAddTag(group: TagGroup): void {
    this.dialog.set({ mode: 'add-tag', group, initial: {} });
  }

  protected openEditTag(group: TagGroup, tag: Tag): void {
    this.dialog.set({ mode: 'edit-tag', group, tag, initial: { tagName: tag.name, color: tag.color } });
  }

  protected save(result: TagDialogResult): void {
    const open = this.dialog();
    if (!open) return;
    const kind = this.kind();
    const tag = { name: result.tagName ?? '', color: result.color ?? 'blue' };
    const requests: Record<TagDialogMode, () => Observable<unknown>> = {
      'add-group': () => this.api.createGroup(kind, result.groupName ?? ''),
      'add-group-with-tag': () => this.api.createGroup(kind, result.groupName ?? '', tag),
      'rename-group': () => this.api.renameGroup(kind, open.group!.id, result.groupName ?? ''),
      'add-tag': () => this.api.addTag(kind, open.group!.id, tag),
      'edit-tag': () => this.api.editTag(kind, open.tag!.id, tag),
    };
    this.saving.set(true);
    requests[open.mode]().subscribe({
      next: () => {
        this.saving.set(false);
        this.dialog.set(null);
        this.message.success('保存成功');
        this.reload();
      },
      // The error interceptor shows the api's message (e.g. 该标签组下已存在同名标签); the dialog stays open.
      error: () => this.saving.set(false),
    });
  }

  protected confirmDeleteGroup(group: TagGroup): void {
    this.modal.confirm({
      // nzTitle is shown as HTML, and tag names come from WeCom.
      nzTitle: `确定删除标签组“${escapeHtml(group.name)}”吗？`,
      nzContent: this.isCorp()
        ? '组内标签将同时从企业微信和所有客户身上移除。'
        : '组内标签将从所有客户群移除。',
      nzOkText: '确定',
      nzOkDanger: true,
      nzCancelText: '取消',
      nzOnOk: () => this.removed(this.api.deleteGroup(this.kind(), group.id)),
    });
  }

  protected confirmDeleteTag(tag: Tag): void {
    this.modal.confirm({
      nzTitle: `确定删除标签“${escapeHtml(tag.name)}”吗？`,
      nzContent: this.isCorp() ? '该标签将同时从企业微信和所有客户身上移除。' : '该标签将从所有客户群移除。',
      nzOkText: '确定',
      nzOkDanger: true,
      nzCancelText: '取消',
      nzOnOk: () => this.removed(this.api.deleteTag(this.kind(), tag.id)),
    });
  }

  protected dropGroup(event: CdkDragDrop<TagGroup[]>): void {
    if (event.previousIndex === event.currentIndex) return;
    const ids = movedIds(this.groups(), event.previousIndex, event.currentIndex);
    // Shown at once; the answer brings the saved order back.
    this.groups.set(ids.map((id) => this.groups().find((group) => group.id === id)!));
    this.api.reorderGroups(this.kind(), ids).subscribe({
      next: (groups) => this.groups.set(groups),
      error: () => this.reload(),
    });
  }

  protected dropTag(group: TagGroup, event: CdkDragDrop<Tag[]>): void {
    if (event.previousIndex === event.currentIndex) return;
    const ids = movedIds(group.tags, event.previousIndex, event.currentIndex);
    this.api.reorderTags(this.kind(), group.id, ids).subscribe({
      next: (saved) => this.groups.update((groups) => groups.map((g) => (g.id === group.id ? saved : g))),
      error: () => this.reload(),
    });
  }

  private removed(request: Observable<void>): Promise<void> {
    return new Promise((resolve) => {
      request.subscribe({
        next: () => {
          this.message.success('删除成功');
          this.reload();
          resolve();
        },
        error: () => resolve(),
      });
    });
  }
}
