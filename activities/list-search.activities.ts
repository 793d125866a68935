import { ListSearchOutboxModel } from '../lib/models/list-search-outbox.model';
import {
  indexListKeys,
  rebuildListIndex,
  type ListKind,
  type ListSearch,
} from '../lib/search/list-read-model';
import { LIST_READ_MODELS } from '../lib/search/list-read-models';
import { bulkWriteInSlices } from '../lib/db/bulk-write-in-slices';
import {
  OUTBOX_ROW_GRACE_MS,
  type ListSearchOutboxInput,
  type ListSearchRebuildInput,
} from '../workflows/list-search.contract';
import { heartbeatOrStop } from './cancellation-checkpoint';

const OUTBOX_BATCH = 500;

export function createListSearchActivities(deps: { search: ListSearch; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Indexes the tenant's outbox rows as MongoDB has them now and removes them, a batch at a time, until
     * only rows too young to take are left (answered as `waiting`: the workflow comes back for them). An index
     * still unreachable throws, so Temporal retries later. A write after our read puts its own rows down.
     */
    async drainListSearchOutbox(input: ListSearchOutboxInput): Promise<{ indexed: number; waiting: number }> {
      const { tenantId } = input;
      let indexed = 0;
      for (;;) {
        const agedBefore = now().getTime() - OUTBOX_ROW_GRACE_MS;
        const rows = await ListSearchOutboxModel.find({ tenantId }).limit(OUTBOX_BATCH).lean();
        const aged = rows.filter((row) => row.markedAt.getTime() <= agedBefore);
        if (aged.length === 0) return { indexed, waiting: rows.length };
        for (const kind of Object.keys(LIST_READ_MODELS) as ListKind[]) {
          const keys = aged.filter((row) => row.kind === kind).map((row) => row.key);
          if (keys.length > 0) await indexListKeys(deps.search, LIST_READ_MODELS[kind], tenantId, keys);
        }
        await bulkWriteInSlices(
          ListSearchOutboxModel,
          aged.map((row) => ({ deleteOne: { filter: { _id: row._id, tenantId } } })),
          { ordered: false },
        );
        indexed += aged.length;
        heartbeatOrStop(indexed);
      }
    },

    /** Refills a read model's new or wiped index from MongoDB (list-read-model.ts). */
    async rebuildListSearchIndex(input: ListSearchRebuildInput): Promise<{ indexed: number }> {
      const indexed = await rebuildListIndex(deps.search, LIST_READ_MODELS[input.kind], (count) =>
        heartbeatOrStop(count),
      );
      return { indexed };
    },
  };
}

export type ListSearchActivities = ReturnType<typeof createListSearchActivities>;
