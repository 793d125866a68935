import { computed, signal } from '@angular/core';

/**
 * The rows an operator ticks in a list read page by page from the server: kept by key, so a choice survives
 * paging and a new search, until the page clears it. The rows themselves are kept too, for what the page
 * later needs of them (names for a dialog, the member a handover goes by), since their page may be gone.
 */
export class PageSelection<T> {
  private readonly chosen = signal<ReadonlyMap<string, T>>(new Map());

  readonly count = computed(() => this.chosen().size);
  /** The chosen rows' keys, in the order they were chosen. */
  readonly keys = computed(() => [...this.chosen().keys()]);
  /** The chosen rows as they were when chosen, in that order. */
  readonly rows = computed(() => [...this.chosen().values()]);

  constructor(private readonly keyOf: (row: T) => string) {}

  isChosen(row: T): boolean {
    return this.chosen().has(this.keyOf(row));
  }

  /** The chosen row of that key, if any. */
  get(key: string): T | undefined {
    return this.chosen().get(key);
  }

  /** A row's checkbox. */
  choose(row: T, chosen: boolean): void {
    this.choosePage([row], chosen);
  }

  /** The header's checkbox: the rows of the page shown; the other pages' choices stay. */
  choosePage(rows: readonly T[], chosen: boolean): void {
    this.chosen.update((current) => {
      const next = new Map(current);
      for (const row of rows) {
        if (chosen) next.set(this.keyOf(row), row);
        else next.delete(this.keyOf(row));
      }
      return next;
    });
  }

  /** The header's checked state: the page has rows and every one is chosen. */
  allOnPage(rows: readonly T[]): boolean {
    return rows.length > 0 && rows.every((row) => this.isChosen(row));
  }

  /** The header's indeterminate state: some rows of the page are chosen, not all. */
  someOnPage(rows: readonly T[]): boolean {
    return rows.some((row) => this.isChosen(row)) && !this.allOnPage(rows);
  }

  clear(): void {
    this.chosen.set(new Map());
  }
}
