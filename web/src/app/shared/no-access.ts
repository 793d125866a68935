import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NzResultModule } from 'ng-zorro-antd/result';

/** Where a user lands whose role opens no menu at all. */
@Component({
  selector: 'app-no-access',
  imports: [NzResultModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page" data-testid="no-access">
      <nz-result nzStatus="403" nzTitle="暂无可访问的菜单" nzSubTitle="请联系管理员为您分配角色权限" />
    </div>
  `,
  styles: `
    .page {
      background: #fff;
      border-radius: 8px;
      min-height: 420px;
    }
  `,
})
export class NoAccess {}
