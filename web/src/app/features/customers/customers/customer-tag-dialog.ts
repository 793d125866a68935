import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { CustomerOptions } from './customer.models';

export interface TagChoice {
  scope: 'selected' | 'filter';
  addTagIds: string[];
  removeTagIds: string[];
}

/** "+ 打标签" (R-3.1.1-03): tags to add and to remove, for the chosen customers or all matching the filter. */
@Component({
  selector: 'app-customer-tag-dialog',
  imports: [...SHARED_IMPORTS, FormsModule, NzModalModule, NzSelectModule, NzRadioModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="true"
      nzTitle="打标签"
      nzOkText="确定"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      [nzOkDisabled]="
        add().length + remove().length === 0 || (scope() === 'selected' && selectedCount() === 0)
      "
      (nzOnOk)="confirm()"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        <div class="field">
          <nz-radio-group [ngModel]="scope()" (ngModelChange)="scope.set($event)" data-testid="tag-scope">
            <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
            <label nz-radio nzValue="selected">已勾选的 {{ selectedCount() }} 位客户</label>
            <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
            <label nz-radio nzValue="filter">全部符合筛选条件的客户（共 {{ total() }} 位）</label>
          </nz-radio-group>
        </div>
        <div class="field">
          <span>添加标签</span>
          <nz-select
            nzMode="multiple"
            nzPlaceHolder="请选择标签"
            [ngModel]="add()"
            (ngModelChange)="add.set($event)"
            data-testid="tag-add-select"
          >
            @for (group of options().tagGroups; track group.groupId) {
              <nz-option-group [nzLabel]="group.name">
                @for (tag of group.tags; track tag.id) {
                  <nz-option [nzValue]="tag.id" [nzLabel]="tag.name" />
                }
              </nz-option-group>
            }
          </nz-select>
        </div>
        <div class="field">
          <span>移除标签</span>
          <nz-select
            nzMode="multiple"
            nzPlaceHolder="请选择标签"
            [ngModel]="remove()"
            (ngModelChange)="remove.set($event)"
          >
            @for (group of options().tagGroups; track group.groupId) {
              <nz-option-group [nzLabel]="group.name">
                @for (tag of group.tags; track tag.id) {
                  <nz-option [nzValue]="tag.id" [nzLabel]="tag.name" />
                }
              </nz-option-group>
            }
          </nz-select>
        </div>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .field {
      margin-bottom: 16px;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    nz-select {
      width: 100%;
    }
  `,
})
export class CustomerTagDialog {
  readonly options = input.required<CustomerOptions>();
  readonly selectedCount = input.required<number>();
  readonly total = input.required<number>();
  readonly saving = input(false);
  readonly confirmed = output<TagChoice>();
  readonly cancelled = output<void>();

  protected readonly scope = signal<'selected' | 'filter'>('selected');
  protected readonly add = signal<string[]>([]);
  protected readonly remove = signal<string[]>([]);

  protected confirm(): void {
    this.confirmed.emit({ scope: this.scope(), addTagIds: this.add(), removeTagIds: this.remove() });
  }
}
