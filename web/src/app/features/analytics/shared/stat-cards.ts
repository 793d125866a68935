import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { StatCard } from './analytics.models';

/** 数据总览 (a tab's first block): a row of cards, each with its figure and an ⓘ carrying the manual's definition (R-6-03). */
@Component({
  selector: 'app-stat-cards',
  imports: [NzIconModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h4>数据总览</h4>
    <div class="cards">
      @for (card of cards(); track card.label) {
        <div class="card" data-testid="stat-card">
          <div class="label">
            <span data-testid="stat-card-label">{{ card.label }}</span>
            <span nz-icon nzType="question-circle" class="tip" nz-tooltip [nzTooltipTitle]="card.tip"></span>
          </div>
          <div class="value" data-testid="stat-card-value">{{ card.value }}</div>
        </div>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    h4 {
      font-weight: 500;
      margin-bottom: 12px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 16px;
    }
    .card {
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 16px;
    }
    .label {
      color: rgba(0, 0, 0, 0.55);
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .tip {
      cursor: help;
    }
    .value {
      font-size: 28px;
      margin-top: 8px;
    }
  `,
})
export class StatCards {
  readonly cards = input.required<StatCard[]>();
}
