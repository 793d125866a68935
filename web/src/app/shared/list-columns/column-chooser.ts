import { CdkDrag, CdkDragDrop, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopoverModule } from 'ng-zorro-antd/popover';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { ListColumns } from './list-columns';

/** The gear at a list's top right: tick the columns to show, drag them into order. */
@Component({
  selector: 'app-column-chooser',
  imports: [
    FormsModule,
    CdkDropList,
    CdkDrag,
    NzButtonModule,
    NzCheckboxModule,
    NzIconModule,
    NzPopoverModule,
    NzTooltipModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .columns {
      min-width: 180px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      margin-bottom: 8px;
    }
    .column {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 4px 0;
      background: #fff;
    }
    .handle {
      cursor: move;
      color: rgba(0, 0, 0, 0.45);
    }
    .hidden-column {
      padding-left: 20px;
    }
  `,
  template: `
    <button
      nz-button
      nzType="text"
      nz-popover
      nzPopoverTrigger="click"
      nzPopoverPlacement="bottomRight"
      [nzPopoverContent]="chooser"
      nz-tooltip
      nzTooltipTitle="列设置"
      [attr.data-testid]="testId()"
    >
      <nz-icon nzType="setting" />
    </button>
    <ng-template #chooser>
      <div class="columns" [attr.data-testid]="testId() + '-chooser'">
        <div class="hint">勾选显示的列，拖动调整顺序</div>
        <div cdkDropList (cdkDropListDropped)="drop($event)">
          @for (column of columns().visible(); track column.key) {
            <div class="column" cdkDrag>
              <nz-icon nzType="holder" class="handle" />
              <!-- nz-checkbox renders its own input inside the label, which the lint rule cannot see. -->
              <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
              <label
                nz-checkbox
                [nzDisabled]="column.key === columns().fixed"
                [ngModel]="true"
                (ngModelChange)="columns().toggle(column.key, $event)"
                [attr.data-testid]="'column-' + column.key"
                >{{ column.label }}</label
              >
            </div>
          }
        </div>
        @for (column of columns().hidden(); track column.key) {
          <div class="column hidden-column">
            <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
            <label
              nz-checkbox
              [ngModel]="false"
              (ngModelChange)="columns().toggle(column.key, $event)"
              [attr.data-testid]="'column-' + column.key"
              >{{ column.label }}</label
            >
          </div>
        }
      </div>
    </ng-template>
  `,
})
export class ColumnChooser {
  readonly columns = input.required<ListColumns>();
  /** The gear's data-testid; the open chooser's is `<testId>-chooser`. */
  readonly testId = input.required<string>();

  protected drop(event: CdkDragDrop<unknown>): void {
    this.columns().move(event.previousIndex, event.currentIndex);
  }
}
