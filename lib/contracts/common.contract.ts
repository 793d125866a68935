import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Lets every contract attach OpenAPI names and examples to its schemas.
extendZodWithOpenApi(z);

export { z };

/** Every error answer of the api: a stable code for programs and a Chinese message for people. */
export const errorResponseSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('ErrorResponse');

/** A calendar day, YYYY-MM-DD, that exists (not 2023-02-29, not 0000-00-00): what the date pickers send. */
export const calendarDay = (message: string) => z.iso.date({ error: message });

/** A MongoDB id as the api hands them out: 24 lowercase hex digits. */
export const objectIdString = (message: string) => z.string().regex(/^[0-9a-f]{24}$/, message);

/**
 * How deep a list may be paged: Elasticsearch serves `from + size` up to its max_result_window (10,000), and
 * past it a page is refused with a clear message instead of failing in the search.
 */
export const RESULT_WINDOW = 10_000;

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
