import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * 轮流's turn counter of one 群活码 (`_id` = the code's id): a scan takes the next turn with `$inc`. Kept apart
 * from the code's document because FerretDB v1 applies an update by writing the whole document back: the
 * code's status or name written at the same moment would undo a turn, and two scans in a row would land in
 * the same group. Only scans write here; two concurrent scans may still share a turn (fairness only: the
 * seat tickets keep every limit exact).
 */
const groupCodeTurnSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    turns: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);
groupCodeTurnSchema.plugin(tenantScopePlugin);

export type GroupCodeTurn = InferSchemaType<typeof groupCodeTurnSchema>;
export const GroupCodeTurnModel = model('GroupCodeTurn', groupCodeTurnSchema, 'group_code_turns');
