import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { TagBoard } from './tag-board';

/** 系统配置 → 标签管理: tabs 企业微信标签 and 群标签. */
@Component({
  selector: 'app-tags-page',
  imports: [NzTabsModule, TagBoard],
  template: `
    <section class="panel">
      <nz-tabs>
        <nz-tab nzTitle="企业微信标签">
          <ng-template nz-tab><app-tag-board kind="corp" data-testid="corp-tags" /></ng-template>
        </nz-tab>
        <nz-tab nzTitle="群标签">
          <ng-template nz-tab><app-tag-board kind="group" data-testid="group-tags" /></ng-template>
        </nz-tab>
      </nz-tabs>
    </section>
  `,
  styles: `
    .panel {
      background: #fff;
      border-radius: 8px;
      padding: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagsPage {}
