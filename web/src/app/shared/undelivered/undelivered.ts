import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { UndeliveredRecipientView } from '@contracts/app-message.contract';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/** A member an app message did not reach (lib/contracts/app-message.contract.ts). */
export type UndeliveredRecipient = UndeliveredRecipientView;

const REASONS: Record<UndeliveredRecipient['reason'], string> = {
  invaliduser: '不在企业中或已停用',
  unlicenseduser: '未获得账号许可',
};

/**
 * The admin's one 未送达 line: whom a WeCom app message (a reminder, an alert, a notice) did not reach, by name,
 * with why on hover. Shows nothing when it reached everyone.
 */
@Component({
  selector: 'app-undelivered',
  imports: [NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .undelivered {
      color: #ff4d4f;
      font-size: 12px;
    }
  `,
  template: `
    @if (recipients().length) {
      <span class="undelivered" nz-tooltip [nzTooltipTitle]="why()">未送达：{{ names() }}</span>
    }
  `,
})
export class Undelivered {
  readonly recipients = input<UndeliveredRecipient[]>([]);
  /** What the message was, for the hover text (e.g. 最近一条活码预警消息). */
  readonly message = input('消息');

  protected readonly names = computed(() =>
    this.recipients()
      .map((recipient) => recipient.name)
      .join('、'),
  );
  protected readonly why = computed(() =>
    [
      `${this.message()}未送达`,
      ...this.recipients().map((recipient) => `${recipient.name}：${REASONS[recipient.reason]}`),
    ].join('；'),
  );
}
