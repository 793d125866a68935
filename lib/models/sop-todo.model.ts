import { InferSchemaType, Schema, model } from 'mongoose';
import { SOP_CHANNELS, SOP_SCOPE_KINDS } from '../contracts/sop.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * A staff member's 待办 (R-8.3, I-118): the members of one task due in one minute whose 跟进人 (or 群主) they
 * are. `_id` is `<planId>|<taskId>|<minute>|<userid>`, so a retried fire makes it once. The task is copied as
 * it was when it fired: a later edit of the plan does not change a to-do already handed out.
 */
const sopTodoSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    planId: { type: String, required: true },
    taskId: { type: String, required: true },
    assigneeUserid: { type: String, required: true },
    scopeKind: { type: String, required: true, enum: SOP_SCOPE_KINDS },
    taskName: { type: String, required: true },
    channel: { type: String, required: true, enum: SOP_CHANNELS },
    /** lib/contracts/sop.contract.ts `SopContent[]`, as the task held them. */
    contents: { type: [Schema.Types.Mixed], default: [] },
    /** 发送时间 (R-8.3-03): the minute the reminder fired for. */
    dueAt: { type: Date, required: true },
    targetCount: { type: Number, required: true },
    /** When the app message went out (null until it has). */
    notifiedAt: { type: Date, default: null },
    done: { type: Boolean, default: false },
    doneAt: { type: Date, default: null },
  },
  { versionKey: false, timestamps: true },
);
sopTodoSchema.plugin(tenantScopePlugin);
// 员工执行明细 of a task node, and a member's 待办 list: equality on top-level fields.
sopTodoSchema.index({ tenantId: 1, planId: 1, taskId: 1 });
sopTodoSchema.index({ tenantId: 1, assigneeUserid: 1, done: 1 });

export type SopTodo = InferSchemaType<typeof sopTodoSchema>;
export const SopTodoModel = model('SopTodo', sopTodoSchema, 'sop_todos');
