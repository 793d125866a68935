import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { KnowledgeItem } from '@contracts/knowledge.contract';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { debounceTime, Subject, switchMap } from 'rxjs';

import type { PageOf } from '../server-table/server-table';

/** A 常用链接 as a message's link card takes it (欢迎语 today; 群发 and SOP next). */
export interface ChosenLink {
  title: string;
  url: string;
  description: string;
  coverUrl: string;
}

type LinkItem = Extract<KnowledgeItem, { kind: 'links' }>;

/** Matches per search: enough to pick from; a longer name narrows it. */
const PAGE_SIZE = 20;

/**
 * 从常用链接选择 (issue 15, item 5): a searchable choice among the 知识库's 常用链接 (by 链接名称, on the server),
 * handing the chosen link's card (its fetched or edited title, else its name) to the form that shows it.
 */
@Component({
  selector: 'app-common-link-picker',
  imports: [FormsModule, NzSelectModule],
  template: `
    <nz-select
      nzShowSearch
      nzServerSearch
      nzAllowClear
      nzPlaceHolder="从常用链接选择"
      [nzLoading]="loading()"
      [ngModel]="null"
      (ngModelChange)="choose($event)"
      (nzOnSearch)="searches.next($event)"
      (nzOpenChange)="$event && searches.next('')"
      data-testid="common-link-picker"
    >
      @for (link of links(); track link.id) {
        <nz-option [nzValue]="link" [nzLabel]="link.name" />
      }
    </nz-select>
  `,
  styles: [':host { display: block; } nz-select { width: 100%; }'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommonLinkPicker {
  private readonly http = inject(HttpClient);

  readonly chosen = output<ChosenLink>();

  protected readonly links = signal<LinkItem[]>([]);
  protected readonly loading = signal(false);
  protected readonly searches = new Subject<string>();

  constructor() {
    const subscription = this.searches
      .pipe(
        debounceTime(250),
        switchMap((keyword) => {
          this.loading.set(true);
          let params = new HttpParams().set('page', 1).set('pageSize', PAGE_SIZE);
          if (keyword.trim()) params = params.set('keyword', keyword.trim());
          return this.http.get<PageOf<KnowledgeItem>>('/api/knowledge/links/items', { params });
        }),
      )
      .subscribe({
        next: (page) => {
          this.links.set(page.items.filter((item): item is LinkItem => item.kind === 'links'));
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  protected choose(link: LinkItem | null): void {
    if (!link) return;
    this.chosen.emit({
      title: link.title || link.name,
      url: link.url,
      description: link.description,
      coverUrl: link.coverUrl,
    });
  }
}
