import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { IfPermittedDirective } from '../../core/auth/if-permitted.directive';
import { ManualSync } from './manual-sync';

/**
 * The 同步 button with its "最近更新：YYYY-MM-DD HH:mm:ss，同步 X 条信息" line (R-3.2.1-03), loading from the click
 * until the sync ends (I-54); its title tells the day's manual syncs and when the next is allowed. The line
 * shows to whoever sees the page; the button only with `permission`. Test ids: `<testId>-sync`,
 * `<testId>-last-sync`.
 */
@Component({
  selector: 'app-manual-sync-button',
  imports: [NzButtonModule, NzIconModule, IfPermittedDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .last-sync {
      color: rgb(0 0 0 / 45%);
      font-size: 12px;
    }
  `,
  template: `
    @if (sync().lastSyncText(); as line) {
      <span class="last-sync" [attr.data-testid]="testId() + '-last-sync'">{{ line }}</span>
    }
    <button
      *appIfPermitted="permission()"
      nz-button
      [nzLoading]="sync().syncing()"
      [attr.title]="sync().quotaText() || null"
      (click)="sync().start()"
      [attr.data-testid]="testId() + '-sync'"
    >
      @if (!sync().syncing()) {
        <nz-icon nzType="sync" />
      }
      同步
    </button>
  `,
})
export class ManualSyncButton {
  readonly sync = input.required<ManualSync>();
  /** The permission to press 同步 (`system.org.sync`, `customer.groups.sync`…). */
  readonly permission = input.required<string>();
  readonly testId = input.required<string>();
}
