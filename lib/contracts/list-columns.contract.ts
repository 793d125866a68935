import { z } from './common.contract';

/** A list page's columns (the gear of 客户, R-3.1.1-05, and of 客户群, R-3.2.1-07), in the manual's order. */
export interface ColumnCatalogue<K extends string> {
  columns: ReadonlyArray<{ key: K; label: string }>;
  /** What a user sees until they choose. */
  defaults: readonly K[];
}

/** The body of `PUT …/columns`: the chosen columns of one list, in the user's order. */
export function listColumnsSchema<K extends string>(catalogue: ColumnCatalogue<K>) {
  const keys = catalogue.columns.map((column) => column.key) as [K, ...K[]];
  return z.object({
    columns: z
      .array(z.enum(keys, { error: '列不存在' }))
      .min(1, '请至少选择一列')
      .refine((chosen) => new Set(chosen).size === chosen.length, '列不能重复'),
  });
}

/** `GET …/columns`: the user's columns and every column they can choose from. */
export function listColumnsViewSchema<K extends string>(catalogue: ColumnCatalogue<K>) {
  return listColumnsSchema(catalogue).extend({
    available: z.array(z.object({ key: z.string(), label: z.string() })),
  });
}
