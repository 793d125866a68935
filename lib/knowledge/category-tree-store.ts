import { setTimeout as sleep } from 'node:timers/promises';
import type { KnowledgeCategoryNode, KnowledgeKind } from '../contracts/knowledge.contract';
import { KnowledgeTreeHeadModel, KnowledgeTreeVersionModel } from '../models/knowledge-tree.model';
import { newCategoryTree } from './category-tree';
import { isDuplicateKeyError } from '../db/duplicate-key';

/**
 * Where the 知识库's category trees are kept (one per tenant and kind): as a log of whole trees, one document
 * per version (`_id` `<tenant>|<kind>|<version>`), because a unique `_id` is the one guard FerretDB v1 keeps
 * under concurrent writers (a compare-and-set on a version field, or `$inc`, lets two writers through). A
 * change reads the newest tree, applies a pure operation (./category-tree.ts) and inserts the next version;
 * losing that insert to another writer means reading again and re-applying.
 */

/** Every writer lost its race this many times: the api answers 分类正在被他人修改，请稍后重试. */
export class CategoryTreeBusyError extends Error {
  constructor() {
    super('the category tree kept changing under this write');
    this.name = 'CategoryTreeBusyError';
  }
}

const treeId = (tenantId: string, kind: KnowledgeKind) => `${tenantId}|${kind}`;
const versionId = (tenantId: string, kind: KnowledgeKind, version: number) =>
  `${treeId(tenantId, kind)}|${version}`;

/** Versions kept behind the newest: a reader whose head lags this far still finds a tree to step on from. */
const VERSIONS_KEPT = 50;

export interface StoredTree {
  nodes: KnowledgeCategoryNode[];
  version: number;
}

const versionAt = (tenantId: string, kind: KnowledgeKind, version: number) =>
  KnowledgeTreeVersionModel.findOne(
    { tenantId, _id: versionId(tenantId, kind, version) },
    { nodes: 1, version: 1 },
  ).lean();

/** Inserts a version; false when another writer inserted that version first. */
async function insertVersion(
  tenantId: string,
  kind: KnowledgeKind,
  version: number,
  nodes: KnowledgeCategoryNode[],
): Promise<boolean> {
  try {
    await KnowledgeTreeVersionModel.create({
      _id: versionId(tenantId, kind, version),
      tenantId,
      kind,
      version,
      nodes,
      at: new Date(),
    });
    return true;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return false;
  }
}

/**
 * The kind's newest tree: from the head's version (a pruned one: the next that is kept) on to the last inserted.
 * The first read creates version 0, just 未分类 (a second creator's insert fails and reads the first's).
 */
export async function readCategoryTree(tenantId: string, kind: KnowledgeKind): Promise<StoredTree> {
  const head = await KnowledgeTreeHeadModel.findOne({ tenantId, _id: treeId(tenantId, kind) }).lean();
  const start = head?.version ?? 0;
  let found = await versionAt(tenantId, kind, start);
  if (!found && start === 0) {
    await insertVersion(tenantId, kind, 0, newCategoryTree());
    found = await versionAt(tenantId, kind, 0);
  }
  for (let version = start + 1; !found && version <= start + VERSIONS_KEPT + 1; version += 1) {
    found = await versionAt(tenantId, kind, version);
  }
  if (!found) throw new Error(`knowledge tree ${treeId(tenantId, kind)} has no version from ${start} on`);
  let newest = found;
  for (;;) {
    const next = await versionAt(tenantId, kind, newest.version + 1);
    if (!next) break;
    newest = next;
  }
  if (newest.version !== start) await moveHead(tenantId, kind, newest.version);
  return { nodes: newest.nodes as KnowledgeCategoryNode[], version: newest.version };
}

/** Points the head at a version (a late writer may set it back a little: readers step on from it). */
function moveHead(tenantId: string, kind: KnowledgeKind, version: number) {
  return KnowledgeTreeHeadModel.updateOne(
    { tenantId, _id: treeId(tenantId, kind) },
    { $set: { version }, $setOnInsert: { kind } },
    { upsert: true },
  );
}

/** Lost races before giving up: each retry reads the tree again, so only a storm of edits exhausts them. */
const WRITE_ATTEMPTS = 30;

/**
 * Applies a pure change to the newest tree and inserts the result as the next version; when another writer
 * inserted that version first, reads again and re-applies, so the change is checked against the tree it lands on.
 */
export async function changeTree(
  tenantId: string,
  kind: KnowledgeKind,
  change: (nodes: KnowledgeCategoryNode[]) => KnowledgeCategoryNode[],
): Promise<{ before: KnowledgeCategoryNode[]; after: KnowledgeCategoryNode[] }> {
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
    const { nodes, version } = await readCategoryTree(tenantId, kind);
    const after = change(nodes);
    if (await insertVersion(tenantId, kind, version + 1, after)) {
      await moveHead(tenantId, kind, version + 1);
      // Version 0 stays: a tree whose head was never written is read from there.
      const expired = version + 1 - VERSIONS_KEPT;
      if (expired > 0) {
        await KnowledgeTreeVersionModel.deleteOne({ tenantId, _id: versionId(tenantId, kind, expired) });
      }
      return { before: nodes, after };
    }
    // Spread the retries, so two writers who lost to each other do not collide again at once.
    await sleep(Math.floor(Math.random() * 20 * (attempt + 1)));
  }
  throw new CategoryTreeBusyError();
}
