import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { H5SopApi } from './h5-sop-api';
import { minuteOf, SopTodoCard, SopTodoTab, TODO_TABS } from './h5-sop.models';

const PAGE_SIZE = 20;

/** 待办 (R-8.3-01/02): the member's SOP tasks, 未完成 first (the default tab) and 已完成, newest first. */
@Component({
  selector: 'app-h5-sop-todos-page',
  imports: [RouterLink, NzButtonModule, NzTabsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .card {
      display: block;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 12px;
      margin-bottom: 10px;
      color: inherit;
    }
    .type {
      font-weight: 600;
      margin-bottom: 4px;
    }
    .time,
    .empty {
      color: #8c8c8c;
      font-size: 12px;
    }
    .empty {
      text-align: center;
      padding: 24px 0;
    }
    .more {
      width: 100%;
    }
  `,
  template: `
    <nz-tabs [nzSelectedIndex]="tabIndex()" (nzSelectedIndexChange)="choose($event)">
      @for (tab of tabs; track tab[0]) {
        <nz-tab [nzTitle]="tab[1]" />
      }
    </nz-tabs>
    @for (todo of items(); track todo.id) {
      <a class="card" [routerLink]="['/h5/sop-todos', todo.id]" data-testid="h5-sop-todo">
        <div class="type">SOP任务</div>
        <div data-testid="h5-sop-todo-text">{{ todo.description }}</div>
        <div class="time">{{ minute(todo.dueAt) }}</div>
      </a>
    } @empty {
      @if (!loading()) {
        <p class="empty" data-testid="h5-sop-empty">暂无任务</p>
      }
    }
    @if (items().length < total()) {
      <button nz-button class="more" type="button" [nzLoading]="loading()" (click)="load(page() + 1)">
        加载更多
      </button>
    }
  `,
})
export class H5SopTodosPage implements OnInit {
  private readonly api = inject(H5SopApi);

  protected readonly tabs = TODO_TABS;
  protected readonly tabIndex = signal(0);
  protected readonly items = signal<SopTodoCard[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly loading = signal(false);
  protected readonly minute = minuteOf;

  ngOnInit(): void {
    this.load(1);
  }

  protected choose(index: number): void {
    if (index === this.tabIndex()) return;
    this.tabIndex.set(index);
    this.items.set([]);
    this.load(1);
  }

  protected load(page: number): void {
    const tab: SopTodoTab = TODO_TABS[this.tabIndex()][0];
    this.loading.set(true);
    this.api.list(tab, page, PAGE_SIZE).subscribe({
      next: (answer) => {
        // A tab changed while this page was on its way: its rows belong to the other tab.
        if (TODO_TABS[this.tabIndex()][0] !== tab) return;
        this.items.set(page === 1 ? answer.items : [...this.items(), ...answer.items]);
        this.total.set(answer.total);
        this.page.set(page);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }
}
