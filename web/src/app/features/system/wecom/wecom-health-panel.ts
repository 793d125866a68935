import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { healthLines } from './health-view';
import { WecomHealth } from './wecom-binding.models';

/** The WeCom health lines with their traffic lights: on the 企微绑定 page and in the operator console. */
@Component({
  selector: 'app-wecom-health-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="lines">
      @for (line of lines(); track line.label) {
        <li [class]="line.status">
          <span class="label">{{ line.label }}</span>
          <span>{{ line.value }}</span>
        </li>
      } @empty {
        <li class="ok">加载中…</li>
      }
    </ul>
  `,
  styles: `
    .lines {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    li {
      display: flex;
      gap: 8px;
      padding: 6px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .label {
      flex: 0 0 160px;
      font-weight: 500;
    }
    .warn {
      color: #ad6800;
    }
    .error {
      color: #cf1322;
    }
  `,
})
export class WecomHealthPanel {
  readonly health = input<WecomHealth | null>(null);
  protected readonly lines = computed(() => {
    const health = this.health();
    return health ? healthLines(health) : [];
  });
}
