import { InferSchemaType, Schema, model } from 'mongoose';
import { KNOWLEDGE_KINDS } from '../contracts/knowledge.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 知识库 item (R-4.1.1-10, I-72…I-74): a 话术 (question, 相似问, answer), a 常用语 (content) or a 常用链接
 * (name, url and its card), by `kind`, in a category of its kind's tree (未分类 when none was chosen). Its
 * 使用次数 is kept apart (knowledge-usage.model.ts), so an edit never writes over a count.
 */
const knowledgeItemSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: KNOWLEDGE_KINDS },
    categoryId: { type: String, required: true },
    question: { type: String },
    similar: { type: [String], default: undefined },
    answer: { type: String },
    content: { type: String },
    name: { type: String },
    url: { type: String },
    title: { type: String },
    description: { type: String },
    coverUrl: { type: String },
  },
  // updatedAt: 最近更新时间, and (with the count) the list read model's version.
  { versionKey: false, timestamps: true },
);
// A category's items: 删除's emptiness check and the move of an orphan to 未分类.
knowledgeItemSchema.index({ tenantId: 1, categoryId: 1 });
knowledgeItemSchema.plugin(tenantScopePlugin);

export type KnowledgeItemDocument = InferSchemaType<typeof knowledgeItemSchema>;
export const KnowledgeItemModel = model('KnowledgeItem', knowledgeItemSchema, 'knowledge_items');
