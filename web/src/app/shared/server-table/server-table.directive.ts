import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  createComponent,
  DestroyRef,
  Directive,
  effect,
  EnvironmentInjector,
  inject,
  input,
  SimpleChange,
  SimpleChanges,
  TemplateRef,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzTableComponent } from 'ng-zorro-antd/table';

import { PAGE_SIZE_OPTIONS, ServerTable } from './server-table';

/** What the binding reads of a ServerTable: the page of rows and where it stands, and where paging and sorting go. */
export type ServerTableState<T> = Pick<
  ServerTable<T, unknown>,
  'items' | 'total' | 'page' | 'pageSize' | 'loading' | 'onQueryParams'
>;

/** nz-table's context for the total beside the page links. */
export type TotalContext = { $implicit: number; range: [number, number] };

/**
 * How the footer tells the total: `count` 共 N 条 (most lists), `range` 第 a-b 条/总共 N 条 (the manual's
 * other form) or a page's own template, each with the 条/页 changer; or `none`: page links only, as the small
 * tables inside a detail page show.
 */
export type TotalText = 'count' | 'range' | 'none' | TemplateRef<TotalContext>;

/** The two wordings of the total, as templates nz-table can show; made once per table, never placed on the page. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-template #count let-total>共 {{ total }} 条</ng-template>
    <ng-template #range let-total let-range="range"
      >第 {{ range[0] }}-{{ range[1] }} 条/总共 {{ total }} 条</ng-template
    >
  `,
})
class TotalTexts {
  readonly count = viewChild.required<TemplateRef<TotalContext>>('count');
  readonly range = viewChild.required<TemplateRef<TotalContext>>('range');
}

/** The nz-table inputs the binding sets; each is set only when its value changes, as a template binding would. */
type BoundInputs = Pick<
  NzTableComponent<unknown>,
  | 'nzFrontPagination'
  | 'nzData'
  | 'nzTotal'
  | 'nzPageIndex'
  | 'nzPageSize'
  | 'nzLoading'
  | 'nzShowSizeChanger'
  | 'nzPageSizeOptions'
  | 'nzShowTotal'
>;

/**
 * `<nz-table [appServerTable]="list">`: an nz-table paged (and sorted) on the server by a ServerTable, with the
 * rows, total, page, page size and loading of the table, the page sizes every list offers, the total beside the
 * page links (`appServerTableTotal`), and the table's page, size and sort changes sent to `onQueryParams`.
 * The page keeps what tells its table apart (nzSize, nzScroll, a quick jumper) as plain nz-table inputs.
 */
@Directive({ selector: 'nz-table[appServerTable]' })
export class ServerTableDirective<T> {
  readonly table = input.required<ServerTableState<T>>({ alias: 'appServerTable' });
  readonly appServerTableTotal = input<TotalText>('count');

  private readonly nzTable = inject<NzTableComponent<T>>(NzTableComponent);
  private readonly changeDetector = inject(ChangeDetectorRef);
  private firstApply = true;
  private readonly totals = createComponent(TotalTexts, { environmentInjector: inject(EnvironmentInjector) });

  constructor() {
    this.totals.changeDetectorRef.detectChanges();
    inject(DestroyRef).onDestroy(() => this.totals.destroy());
    this.nzTable.nzQueryParams
      .pipe(takeUntilDestroyed())
      .subscribe((params) => this.table().onQueryParams(params));
    // Template bindings cannot reach another directive's inputs from here: set them as a binding would, and tell
    // nz-table the way Angular does (its ngOnChanges feeds its paging service).
    effect(() => {
      const table = this.table();
      const totalText = this.appServerTableTotal();
      this.apply({
        nzFrontPagination: false,
        nzData: table.items(),
        nzTotal: table.total(),
        nzPageIndex: table.page(),
        nzPageSize: table.pageSize(),
        nzLoading: table.loading(),
        nzShowSizeChanger: totalText !== 'none',
        nzPageSizeOptions: PAGE_SIZE_OPTIONS,
        nzShowTotal: this.totalTemplate(totalText),
      });
    });
  }

  private totalTemplate(text: TotalText): TemplateRef<TotalContext> | null {
    if (text === 'none') return null;
    if (text === 'count') return this.totals.instance.count();
    if (text === 'range') return this.totals.instance.range();
    return text;
  }

  private apply(inputs: BoundInputs): void {
    const target = this.nzTable as unknown as Record<string, unknown>;
    const changes: SimpleChanges = {};
    for (const [name, value] of Object.entries(inputs)) {
      const previous = target[name];
      if (previous === value) continue;
      target[name] = value;
      changes[name] = new SimpleChange(previous, value, this.firstApply);
    }
    this.firstApply = false;
    if (Object.keys(changes).length === 0) return;
    this.nzTable.ngOnChanges(changes);
    this.changeDetector.markForCheck();
  }
}
