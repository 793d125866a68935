import { ListSearchOutboxModel } from '../lib/models/list-search-outbox.model';
import {
  clearListMarks,
  indexListKeys,
  rebuildListIndex,
  type ListKind,
  type ListSearch,
} from '../lib/search/list-read-model';
import { LIST_READ_MODELS } from '../lib/search/list-read-models';
import { heartbeatOrStop } from './cancellation-checkpoint';

/**
 * A mark younger than this may belong to a write still in flight (its MongoDB write not done yet): indexing
 * it now could clear the mark before the write lands, so the drain waits for it to age. Writes take seconds.
 */
export const MARK_GRACE_MS = 30_000;
const OUTBOX_BATCH = 500;

export function createListSearchActivities(deps: { search: ListSearch; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Indexes the tenant's marked rows as MongoDB has them now and clears their marks, a batch at a time;
     * answers how many marks were too young to take (the workflow comes back for them). An index still
     * unreachable throws, so Temporal retries later; a row marked again meanwhile keeps its newer mark.
     */
    async drainListSearchOutbox(input: { tenantId: string }): Promise<{ indexed: number; waiting: number }> {
      const { tenantId } = input;
      const agedBefore = now().getTime() - MARK_GRACE_MS;
      // The outbox is small by nature (marks live for the length of a write): read whole, aged in code.
      const marks = await ListSearchOutboxModel.find({ tenantId }).lean();
      const aged = marks.filter((mark) => mark.markedAt.getTime() <= agedBefore);
      for (let at = 0; at < aged.length; at += OUTBOX_BATCH) {
        const batch = aged.slice(at, at + OUTBOX_BATCH);
        for (const kind of Object.keys(LIST_READ_MODELS) as ListKind[]) {
          const ofKind = batch.filter((mark) => mark.kind === kind);
          if (ofKind.length === 0) continue;
          await indexListKeys(
            deps.search,
            LIST_READ_MODELS[kind],
            tenantId,
            ofKind.map((mark) => mark.key),
          );
          await clearListMarks(kind, tenantId, ofKind);
        }
        heartbeatOrStop(at + batch.length);
      }
      return { indexed: aged.length, waiting: marks.length - aged.length };
    },

    /** Refills a read model's new or wiped index from MongoDB (list-read-model.ts). */
    async rebuildListSearchIndex(input: { kind: ListKind }): Promise<{ indexed: number }> {
      const indexed = await rebuildListIndex(deps.search, LIST_READ_MODELS[input.kind], (count) =>
        heartbeatOrStop(count),
      );
      return { indexed };
    },
  };
}

export type ListSearchActivities = ReturnType<typeof createListSearchActivities>;
