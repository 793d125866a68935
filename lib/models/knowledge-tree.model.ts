import { InferSchemaType, Schema, model } from 'mongoose';
import { KNOWLEDGE_KINDS } from '../contracts/knowledge.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * 知识库 category trees (R-4.1.1-01/02) as a log of whole trees: each change of a tenant's tree of one kind
 * inserts the next version (`_id` `<tenant>|<kind>|<version>`). The store refuses a second insert of an `_id`
 * reliably, and that is the only guard FerretDB v1 keeps under concurrent writers (a conditional update such as
 * `updateOne({_id, version})` is read-modify-write there and lets two writers through, README "FerretDB"). So of
 * two operators changing the same version, one wins and the other reads the new tree and applies its change
 * again: no lost child, no cycle, the depth limit checked against the tree the change lands on
 * (lib/knowledge/category-tree.ts). Old versions are pruned as new ones come.
 */
const knowledgeTreeVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: KNOWLEDGE_KINDS },
    version: { type: Number, required: true },
    /** lib/contracts/knowledge.contract.ts `KnowledgeCategoryNode[]`: the first level, 未分类 among it. */
    nodes: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
knowledgeTreeVersionSchema.plugin(tenantScopePlugin);

export type KnowledgeTreeVersion = InferSchemaType<typeof knowledgeTreeVersionSchema>;
export const KnowledgeTreeVersionModel = model(
  'KnowledgeTreeVersion',
  knowledgeTreeVersionSchema,
  'knowledge_tree_versions',
);

/**
 * Where to start looking for a tree's newest version (`_id` `<tenant>|<kind>`): written after each change, so it
 * may lag behind (a reader steps on to the newest), never ahead.
 */
const knowledgeTreeHeadSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: KNOWLEDGE_KINDS },
    version: { type: Number, required: true },
  },
  { versionKey: false },
);
knowledgeTreeHeadSchema.plugin(tenantScopePlugin);

export const KnowledgeTreeHeadModel = model(
  'KnowledgeTreeHead',
  knowledgeTreeHeadSchema,
  'knowledge_tree_heads',
);
