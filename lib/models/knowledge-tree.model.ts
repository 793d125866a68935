import { InferSchemaType, Schema, model } from 'mongoose';
import { KNOWLEDGE_KINDS } from '../contracts/knowledge.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 知识库 category tree (R-4.1.1-01/02): a tenant's categories of one kind, whole, in one document (`_id`
 * `<tenant>|<kind>`), so that a change is one compare-and-set on `version` (FerretDB has no transactions, and
 * writes every update as the whole document): two operators' concurrent edits never lose a child or make a
 * cycle, each being checked against the tree it lands on (lib/knowledge/category-tree.ts).
 */
const knowledgeTreeSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: KNOWLEDGE_KINDS },
    /** lib/contracts/knowledge.contract.ts `KnowledgeCategoryNode[]`: the first level, 未分类 among it. */
    nodes: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false, minimize: false },
);
knowledgeTreeSchema.plugin(tenantScopePlugin);

export type KnowledgeTreeDocument = InferSchemaType<typeof knowledgeTreeSchema>;
export const KnowledgeTreeModel = model('KnowledgeTree', knowledgeTreeSchema, 'knowledge_trees');
