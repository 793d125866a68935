import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { AuthService } from '../../../core/auth/auth.service';
import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { IntegrationsApi } from './integrations-api';
import { INTEGRATIONS_INTRO, IntegrationCard, statusLabel } from './integrations.models';

/** 系统配置 → 系统对接 (R-7.5-01/03, I-109): one card per third-party system, each 未开启 / 已开启. */
@Component({
  selector: 'app-integrations-page',
  imports: [...SHARED_IMPORTS, FormsModule, NzSwitchModule, NzTooltipModule],
  templateUrl: './integrations-page.html',
  styleUrl: './integrations.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntegrationsPage implements OnInit {
  private readonly api = inject(IntegrationsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);

  protected readonly intro = INTEGRATIONS_INTRO;
  protected readonly statusLabel = statusLabel;
  protected readonly cards = signal<IntegrationCard[]>([]);
  protected readonly switching = signal(false);
  protected readonly canEdit = () => this.auth.can('system.integrations.edit');

  ngOnInit(): void {
    this.api.cards().subscribe(({ items }) => this.cards.set(items));
  }

  /** R-7.5-03 from the card; an integration not set up yet is switched on by 确定 on its page. */
  protected toggle(card: IntegrationCard): void {
    if (!this.canEdit() || !card.configured || this.switching()) return;
    this.switching.set(true);
    this.api.switchUdesk(!card.enabled).subscribe({
      next: (saved) => {
        this.cards.update((cards) =>
          cards.map((c) => (c.system === card.system ? { ...c, enabled: saved.enabled } : c)),
        );
        this.switching.set(false);
        this.message.success(saved.enabled ? '已开启' : '已关闭');
      },
      error: () => this.switching.set(false),
    });
  }
}
