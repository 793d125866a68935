import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, Validators } from '@angular/forms';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import {
  hasAsciiComma,
  RULE_NAME_MAX,
  RULE_WORDS_MAX,
  SENTIMENT_OPTIONS,
  SensitiveRule,
  SensitiveRuleInput,
  WORD_SEPARATOR,
} from './sensitive-rules.models';

/** 新建敏感消息 / 编辑: one form for both; the inputs stop at their limits like the manual's. */
@Component({
  selector: 'app-sensitive-rule-dialog',
  imports: [...SHARED_IMPORTS, NzModalModule, NzRadioModule],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="rule() ? '编辑敏感消息' : '新建敏感消息'"
      nzOkText="确定"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      (nzOnOk)="submit()"
      (nzOnCancel)="cancelled.emit()"
    >
      <form
        *nzModalContent
        nz-form
        nzLayout="vertical"
        [formGroup]="form"
        data-testid="sensitive-rule-dialog"
      >
        <nz-form-item>
          <nz-form-label nzRequired>规则名称</nz-form-label>
          <nz-form-control nzErrorTip="请输入规则名称">
            <input
              nz-input
              formControlName="name"
              placeholder="请输入规则名称"
              [maxlength]="nameMax"
              data-testid="sensitive-rule-name"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>敏感词</nz-form-label>
          <nz-form-control nzErrorTip="请输入敏感词">
            <textarea
              nz-input
              rows="5"
              formControlName="words"
              [placeholder]="wordsPlaceholder"
              [maxlength]="wordsMax"
              data-testid="sensitive-rule-words"
            ></textarea>
          </nz-form-control>
          @if (asciiComma()) {
            <div class="warning" data-testid="ascii-comma-warning">
              检测到英文逗号“,”，敏感词必须用中文逗号“，”分隔
            </div>
          }
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>分类</nz-form-label>
          <nz-form-control>
            <nz-radio-group formControlName="sentiment" data-testid="sensitive-rule-sentiment">
              @for (option of sentiments; track option.value) {
                <!-- nz-radio renders its own input inside the label, which the lint rule cannot see. -->
                <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
                <label nz-radio [nzValue]="option.value">{{ option.label }}</label>
              }
            </nz-radio-group>
          </nz-form-control>
        </nz-form-item>
      </form>
    </nz-modal>
  `,
  styles: `
    .warning {
      color: #faad14;
      margin-top: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SensitiveRuleDialog {
  readonly rule = input<SensitiveRule | null>(null);
  readonly saving = input(false);
  readonly saved = output<SensitiveRuleInput>();
  readonly cancelled = output<void>();

  protected readonly nameMax = RULE_NAME_MAX;
  protected readonly wordsMax = RULE_WORDS_MAX;
  protected readonly sentiments = SENTIMENT_OPTIONS;
  protected readonly wordsPlaceholder =
    '请输入敏感词（支持输入多个，必须用中文逗号“，”分隔）最多输入500个字，超出不显示';
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(RULE_NAME_MAX), Validators.pattern(/\S/)]],
    words: ['', [Validators.required, Validators.maxLength(RULE_WORDS_MAX), Validators.pattern(/[^，\s]/)]],
    sentiment: ['negative' as SensitiveRuleInput['sentiment']],
  });
  private readonly words = toSignal(this.form.controls.words.valueChanges, { initialValue: '' });
  protected readonly asciiComma = () => hasAsciiComma(this.words());

  constructor() {
    effect(() => {
      const rule = this.rule();
      this.form.reset({
        name: rule?.name ?? '',
        words: rule?.words.join(WORD_SEPARATOR) ?? '',
        sentiment: rule?.sentiment ?? 'negative',
      });
    });
  }

  protected submit(): boolean {
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return false;
    }
    this.saved.emit(this.form.getRawValue());
    return false;
  }
}
