import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzResultModule } from 'ng-zorro-antd/result';

/** Where a refused sidebar login lands (号码失效，请联系管理员, 您不在员工列表中…). */
@Component({
  selector: 'app-h5-error-page',
  imports: [NzResultModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-result
    nzStatus="warning"
    [nzTitle]="message() || '页面打开失败'"
    data-testid="h5-error"
  ></nz-result>`,
})
export class H5ErrorPage {
  /** From the query string (`?message=`). */
  readonly message = input<string>('');
}
