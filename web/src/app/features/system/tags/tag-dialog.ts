import { ChangeDetectionStrategy, Component, effect, input, output } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { inject } from '@angular/core';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { TAG_COLORS, TAG_NAME_MAX, TagColor } from './tags.models';

export type TagDialogMode = 'add-tag' | 'edit-tag' | 'add-group' | 'add-group-with-tag' | 'rename-group';

export interface TagDialogResult {
  groupName?: string;
  tagName?: string;
  color?: TagColor;
}

const TITLES: Record<TagDialogMode, string> = {
  'add-tag': '添加标签',
  'edit-tag': '编辑标签',
  'add-group': '添加标签组',
  'add-group-with-tag': '添加标签组',
  'rename-group': '编辑标签组',
};

/**
 * The dialogs of 标签管理: 添加标签 (标签名称 + 标签颜色, R-7.3.1-03), 添加标签组 (标签组名称 only,
 * R-7.3.2-02; for 企业微信标签 with its first tag, as WeCom has no empty groups), and their edit twins.
 */
@Component({
  selector: 'app-tag-dialog',
  imports: [...SHARED_IMPORTS, NzModalModule, NzRadioModule],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="title()"
      nzOkText="确定"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      (nzOnOk)="submit()"
      (nzOnCancel)="cancelled.emit()"
    >
      <form *nzModalContent nz-form nzLayout="vertical" [formGroup]="form" data-testid="tag-dialog">
        @if (asksGroupName()) {
          <nz-form-item>
            <nz-form-label nzRequired>标签组名称</nz-form-label>
            <nz-form-control [nzErrorTip]="'请输入标签组名称（最多30个字符）'">
              <input
                nz-input
                formControlName="groupName"
                placeholder="请输入"
                [maxlength]="max"
                data-testid="tag-group-name"
              />
            </nz-form-control>
          </nz-form-item>
        }
        @if (asksTag()) {
          <nz-form-item>
            <nz-form-label nzRequired>标签名称</nz-form-label>
            <nz-form-control [nzErrorTip]="'请输入标签名称（最多30个字符）'">
              <input
                nz-input
                formControlName="tagName"
                placeholder="请输入"
                [maxlength]="max"
                data-testid="tag-name"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>标签颜色</nz-form-label>
            <nz-form-control>
              <nz-radio-group formControlName="color" data-testid="tag-color">
                @for (color of colors; track color.value) {
                  <!-- nz-radio renders its own input inside the label, which the lint rule cannot see. -->
                  <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
                  <label nz-radio [nzValue]="color.value" [attr.aria-label]="color.label">
                    <span class="swatch" [style.background]="color.hex"></span>
                  </label>
                }
              </nz-radio-group>
            </nz-form-control>
          </nz-form-item>
        }
      </form>
    </nz-modal>
  `,
  styles: `
    .swatch {
      display: inline-block;
      width: 18px;
      height: 18px;
      border-radius: 4px;
      vertical-align: middle;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagDialog {
  readonly mode = input.required<TagDialogMode>();
  readonly initial = input<TagDialogResult>({});
  readonly saving = input(false);
  readonly saved = output<TagDialogResult>();
  readonly cancelled = output<void>();

  protected readonly colors = TAG_COLORS;
  protected readonly max = TAG_NAME_MAX;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    groupName: ['', [Validators.required, Validators.maxLength(TAG_NAME_MAX)]],
    tagName: ['', [Validators.required, Validators.maxLength(TAG_NAME_MAX)]],
    color: ['blue' as TagColor],
  });

  constructor() {
    effect(() => {
      const initial = this.initial();
      this.form.reset({
        groupName: initial.groupName ?? '',
        tagName: initial.tagName ?? '',
        color: initial.color ?? 'blue',
      });
      if (!this.asksGroupName()) this.form.controls.groupName.disable();
      if (!this.asksTag()) this.form.controls.tagName.disable();
    });
  }

  protected title(): string {
    return TITLES[this.mode()];
  }

  protected asksGroupName(): boolean {
    return ['add-group', 'add-group-with-tag', 'rename-group'].includes(this.mode());
  }

  protected asksTag(): boolean {
    return ['add-tag', 'edit-tag', 'add-group-with-tag'].includes(this.mode());
  }

  protected submit(): void {
    const { groupName, tagName } = this.form.controls;
    for (const control of [groupName, tagName]) {
      control.setValue(control.value.trim());
      control.markAsDirty();
      control.updateValueAndValidity();
    }
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    this.saved.emit({
      ...(this.asksGroupName() ? { groupName: value.groupName } : {}),
      ...(this.asksTag() ? { tagName: value.tagName, color: value.color } : {}),
    });
  }
}
