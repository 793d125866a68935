import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { KnowledgeLibrary } from './knowledge-library';
import { KIND_LABELS, KINDS } from './knowledge.models';

/** 素材管理 → 知识库 (R-4-02): 公共知识库 with the tabs 话术库 / 常用语 / 常用链接, each opened when first chosen. */
@Component({
  selector: 'app-knowledge-page',
  imports: [NzTabsModule, KnowledgeLibrary],
  styleUrls: ['../../../shared/list-page/list-page.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel">
      <h2 class="title">公共知识库</h2>
      <nz-tabs data-testid="kb-tabs">
        @for (kind of kinds; track kind) {
          <nz-tab [nzTitle]="labels[kind]">
            <ng-template nz-tab>
              <app-knowledge-library [kind]="kind" />
            </ng-template>
          </nz-tab>
        }
      </nz-tabs>
    </section>
  `,
})
export class KnowledgePage {
  protected readonly kinds = KINDS;
  protected readonly labels = KIND_LABELS;
}
