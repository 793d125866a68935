import { computed, signal } from '@angular/core';
import { Observable } from 'rxjs';

/** One column a list offers (GET …/columns `available`). */
export interface ColumnOption {
  key: string;
  label: string;
}

/** GET/PUT …/columns: the user's columns, in their order, and all the list offers. */
export interface ListColumnsView {
  columns: string[];
  available: ColumnOption[];
}

/** Moves a column within the chosen ones (the gear's drag reorder). */
export function moveColumn(columns: readonly string[], from: number, to: number): string[] {
  const next = [...columns];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

/** Shows or hides a column; a new one goes where it stands in the manual's order. The fixed one stays. */
export function toggleColumn(
  columns: readonly string[],
  key: string,
  visible: boolean,
  manualOrder: readonly string[],
  fixed: string,
): string[] {
  if (!visible) return key === fixed ? [...columns] : columns.filter((column) => column !== key);
  if (columns.includes(key)) return [...columns];
  const rank = manualOrder.indexOf(key);
  const at = columns.findIndex((column) => manualOrder.indexOf(column) > rank);
  const next = [...columns];
  next.splice(at === -1 ? next.length : at, 0, key);
  return next;
}

/**
 * The columns of one list page (the gear: R-3.1.1-05 客户, R-3.2.1-07 客户群), remembered per user on the
 * server: shown at once, saved in the background, put back if the save fails.
 */
export class ListColumns {
  readonly available = signal<ColumnOption[]>([]);
  readonly columns = signal<string[]>([]);
  readonly visible = computed(() => {
    const labels = new Map(this.available().map((column) => [column.key, column.label]));
    return this.columns()
      .filter((key) => labels.has(key))
      .map((key) => ({ key, label: labels.get(key) as string }));
  });
  readonly hidden = computed(() => this.available().filter((column) => !this.columns().includes(column.key)));

  constructor(
    private readonly save: (columns: string[]) => Observable<ListColumnsView>,
    /** The column that names the row (客户姓名, 客户群名称): never hidden. */
    readonly fixed = 'name',
  ) {}

  set(view: ListColumnsView): void {
    this.available.set(view.available);
    this.columns.set(view.columns);
  }

  toggle(key: string, visible: boolean): void {
    const manual = this.available().map((column) => column.key);
    this.store(toggleColumn(this.columns(), key, visible, manual, this.fixed));
  }

  move(from: number, to: number): void {
    this.store(moveColumn(this.columns(), from, to));
  }

  private store(columns: string[]): void {
    const before = this.columns();
    this.columns.set(columns);
    this.save(columns).subscribe({ error: () => this.columns.set(before) });
  }
}
