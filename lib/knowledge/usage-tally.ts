import {
  KnowledgeUsageHeadModel,
  KnowledgeUsageModel,
  KnowledgeUsageSlotModel,
} from '../models/knowledge-usage.model';
import { isDuplicateKeyError } from '../db/duplicate-key';

/**
 * 使用次数 (I-71) without counting rows: each press takes the next numbered slot of its item, once
 * (lib/models/knowledge-usage.model.ts). Why a press gets exactly one slot, even when its first request and a
 * retry race or the first one died half-way: every finisher of a press looks at each slot from the press's
 * `tallyFrom` on, in order, and takes the first free one by inserting it. A slot already taken is read: if it
 * names the press, the press is counted. Two finishers that reach the same free slot both try to insert it; the
 * loser reads it and finds the press. So no finisher passes a slot of its press without seeing it, and the press
 * never gets a second one. `tallyFrom` is a count read before the press's usage row existed, so its slot lies
 * beyond it.
 */

const headId = (tenantId: string, itemId: string) => `${tenantId}|${itemId}`;
const slotId = (tenantId: string, itemId: string, slot: number) => `${tenantId}|${itemId}|${slot}`;

/** The press a slot counts, or null while it is free. */
async function pressAt(tenantId: string, itemId: string, slot: number): Promise<string | null> {
  const found = await KnowledgeUsageSlotModel.findOne(
    { tenantId, _id: slotId(tenantId, itemId, slot) },
    { actionId: 1 },
  ).lean();
  return found?.actionId ?? null;
}

/** Moves the head on to a slot taken (a concurrent first write of the head may fail: the other one stands). */
async function moveHead(tenantId: string, itemId: string, slot: number): Promise<void> {
  try {
    await KnowledgeUsageHeadModel.updateOne(
      { tenantId, _id: headId(tenantId, itemId) },
      { $set: { slot } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** An item's 使用次数: its last slot, stepping on from the head (0 until first used). */
export async function usageCountOf(tenantId: string, itemId: string): Promise<number> {
  const head = await KnowledgeUsageHeadModel.findOne({ tenantId, _id: headId(tenantId, itemId) }).lean();
  let last = head?.slot ?? 0;
  while ((await pressAt(tenantId, itemId, last + 1)) !== null) last += 1;
  if (last !== (head?.slot ?? 0)) await moveHead(tenantId, itemId, last);
  return last;
}

/**
 * Counts the press `actionId` (whose usage row exists, with `tallyFrom`) in its item's tally, unless it already
 * is; answers whether this call counted it.
 */
export async function tallyPress(
  tenantId: string,
  itemId: string,
  actionId: string,
  tallyFrom: number,
): Promise<boolean> {
  for (let slot = tallyFrom + 1; ; slot += 1) {
    const holder = await pressAt(tenantId, itemId, slot);
    if (holder === actionId) return false;
    if (holder !== null) continue;
    try {
      await KnowledgeUsageSlotModel.create({
        _id: slotId(tenantId, itemId, slot),
        tenantId,
        itemId,
        actionId,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Taken meanwhile: look at it again (it may be this press's, taken by its other request).
      slot -= 1;
      continue;
    }
    await moveHead(tenantId, itemId, slot);
    // Lets a later retry of the press skip the search (a lost write of this only costs that retry the search).
    await KnowledgeUsageModel.updateOne({ tenantId, _id: `${tenantId}|${actionId}` }, { $set: { slot } });
    return true;
  }
}
