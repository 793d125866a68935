import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';

export interface SelectGroup {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/** A searchable multiple choice of options in groups (tags under their 标签组), bound with `[(value)]`. */
@Component({
  selector: 'app-grouped-select',
  imports: [FormsModule, NzSelectModule],
  template: `
    <nz-select
      nzMode="multiple"
      nzShowSearch
      [nzPlaceHolder]="placeholder()"
      [ngModel]="value()"
      (ngModelChange)="value.set($event)"
    >
      @for (group of groups(); track group.label) {
        <nz-option-group [nzLabel]="group.label">
          @for (option of group.options; track option.value) {
            <nz-option [nzValue]="option.value" [nzLabel]="option.label" />
          }
        </nz-option-group>
      }
    </nz-select>
  `,
  styles: [':host { display: block; flex: 1; } nz-select { width: 100%; }'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupedSelect {
  readonly groups = input.required<readonly SelectGroup[]>();
  readonly placeholder = input('');
  readonly value = model<string[]>([]);
}
