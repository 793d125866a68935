import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzCollapseModule } from 'ng-zorro-antd/collapse';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { formatDateTime } from '../../../core/format/date-time';
import { tagColorHex } from '../../system/tags/tags.models';
import { TagGroup } from '../../system/tags/tags.models';
import { CustomerGroupsApi } from './customer-groups-api';
import { CustomerGroupPortrait, JOIN_SCENES, MessageTrend, UNNAMED_GROUP } from './customer-groups.models';
import { cloudFontSize, membersWithTag, trendChartOption } from './group-portrait';

// Only the chart parts the trend needs (tree-shaken echarts).
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * The 群画像 drawer: 群介绍 (with the 群标签 edit), the message trend (7 / 30 days), 群内部成员,
 * 群外部成员 with the 客户标签 word cloud; a cloud tag filters the external members, clicked again clears.
 */
@Component({
  selector: 'app-group-portrait-drawer',
  imports: [
    FormsModule,
    NgxEchartsDirective,
    NzAvatarModule,
    NzCollapseModule,
    NzDescriptionsModule,
    NzDrawerModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    IfPermittedDirective,
  ],
  providers: [provideEchartsCore({ echarts })],
  templateUrl: './group-portrait-drawer.html',
  styleUrl: './group-portrait-drawer.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupPortraitDrawer implements OnInit {
  private readonly api = inject(CustomerGroupsApi);

  readonly chatId = input.required<string>();
  /** 群标签 to choose from in the 群标签 edit. */
  readonly tagGroups = input<TagGroup[]>([]);
  readonly closed = output<void>();
  /** The group's 群标签 changed: the list reloads. */
  readonly tagsChanged = output<void>();

  protected readonly portrait = signal<CustomerGroupPortrait | null>(null);
  protected readonly trend = signal<MessageTrend | null>(null);
  protected readonly trendDays = signal<7 | 30>(7);
  protected readonly chosenTagId = signal<string | null>(null);
  protected readonly editedTagIds = signal<string[] | null>(null);
  protected readonly unnamed = UNNAMED_GROUP;
  protected readonly joinScenes = JOIN_SCENES;
  protected readonly colorOf = tagColorHex;
  protected readonly formatDateTime = formatDateTime;

  protected readonly chartOption = computed(() => {
    const trend = this.trend();
    return trend ? trendChartOption(trend) : null;
  });
  protected readonly cloud = computed(() => {
    const tags = this.portrait()?.tagCloud ?? [];
    const max = Math.max(1, ...tags.map((tag) => tag.count));
    return tags.map((tag) => ({ ...tag, size: cloudFontSize(tag.count, max) }));
  });
  protected readonly shownMembers = computed(() =>
    membersWithTag(this.portrait()?.externalMembers ?? [], this.chosenTagId()),
  );

  ngOnInit(): void {
    this.api.portrait(this.chatId()).subscribe((portrait) => this.portrait.set(portrait));
    this.loadTrend(7);
  }

  protected loadTrend(days: 7 | 30): void {
    this.trendDays.set(days);
    this.api.trend(this.chatId(), days).subscribe((trend) => this.trend.set(trend));
  }

  protected chooseTag(tagId: string): void {
    this.chosenTagId.update((current) => (current === tagId ? null : tagId));
  }

  protected startEditTags(): void {
    this.editedTagIds.set(this.portrait()?.groupTags.map((tag) => tag.id) ?? []);
  }

  protected saveTags(): void {
    const tagIds = this.editedTagIds();
    if (!tagIds) return;
    this.api.setTags(this.chatId(), tagIds).subscribe(() => {
      this.editedTagIds.set(null);
      this.api.portrait(this.chatId()).subscribe((portrait) => this.portrait.set(portrait));
      this.tagsChanged.emit();
    });
  }
}
