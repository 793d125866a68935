import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl } from '@angular/forms';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import { Observable } from 'rxjs';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { departmentNameError } from './department-edits';

export interface DepartmentNameDialogData {
  name: string;
  save: (name: string) => Observable<unknown>;
}

/** 重命名 / 添加子部门: one name, checked as R-7.1.1-10 says. */
@Component({
  selector: 'app-department-name-dialog',
  imports: [...SHARED_IMPORTS, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-form-item>
      <nz-form-control [nzValidateStatus]="error() ? 'error' : ''" [nzErrorTip]="error() ?? ''">
        <input
          nz-input
          [formControl]="name"
          placeholder="请输入部门名称"
          (keyup.enter)="submit()"
          data-testid="department-name-input"
        />
      </nz-form-control>
    </nz-form-item>
    <div *nzModalFooter>
      <button nz-button (click)="cancel()">取消</button>
      <button
        nz-button
        nzType="primary"
        [nzLoading]="saving()"
        (click)="submit()"
        data-testid="department-name-ok"
      >
        确定
      </button>
    </div>
  `,
})
export class DepartmentNameDialog {
  private readonly data = inject<DepartmentNameDialogData>(NZ_MODAL_DATA);
  private readonly modalRef = inject(NzModalRef);
  protected readonly name = new FormControl(this.data.name, { nonNullable: true });
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected cancel(): void {
    this.modalRef.close(false);
  }

  protected submit(): void {
    const error = departmentNameError(this.name.value);
    this.error.set(error);
    if (error) return;
    this.saving.set(true);
    this.data.save(this.name.value.trim()).subscribe({
      next: () => this.modalRef.close(true),
      // The error interceptor shows the server's message (a taken name, read-only contacts…).
      error: () => this.saving.set(false),
    });
  }
}
