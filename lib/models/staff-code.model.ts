import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * 员工活码: one WeCom 「联系我」 way, whose `state` is this document's id so an add event names the code.
 * The api saves the code and bumps `version`; the code's sync workflow brings WeCom to that version
 * (add/update/del_contact_way) and records it in `syncedVersion`, or WeCom's refusal in `sync`.
 */
const staffCodeSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['single', 'multi'] },
    /** As chosen in the picker (编辑 shows them again). */
    userids: { type: [String], default: [] },
    departmentIds: { type: [Number], default: [] },
    /** The chosen staff with the departments' members, at saving time: 使用员工, status and 数据权限. */
    memberUserids: { type: [String], default: [] },
    skipVerify: { type: Boolean, default: true },
    scene: { type: String, required: true },
    tagIds: { type: [String], default: [] },
    welcomeText: { type: String, default: '' },
    /** 正常 / 异常: recomputed when members leave or come back (lib/acquisition/staff-code-status.ts). */
    status: { type: String, required: true, enum: ['normal', 'abnormal'], default: 'normal' },
    creatorStaffId: { type: String },
    creatorName: { type: String, default: '管理员' },
    version: { type: Number, default: 1 },
    syncedVersion: { type: Number, default: 0 },
    /** Set by 删除: the code is gone for people at once; the workflow then deletes the WeCom way. */
    deletedAt: { type: Date },
    wecom: {
      configId: { type: String },
      qrCode: { type: String },
    },
    sync: {
      status: { type: String, enum: ['pending', 'synced', 'failed'], default: 'pending' },
      errcode: { type: Number },
      errmsg: { type: String },
    },
  },
  { timestamps: true },
);
staffCodeSchema.plugin(tenantScopePlugin);
// The list in its order, with its filters: 活码类型, 活码状态, 使用员工 (and the 数据权限 by member).
staffCodeSchema.index({ tenantId: 1, deletedAt: 1, createdAt: -1, _id: -1 });
staffCodeSchema.index({ tenantId: 1, kind: 1, createdAt: -1 });
staffCodeSchema.index({ tenantId: 1, status: 1, createdAt: -1 });
staffCodeSchema.index({ tenantId: 1, memberUserids: 1, createdAt: -1 });

export type StaffCode = InferSchemaType<typeof staffCodeSchema>;
export const StaffCodeModel = model('StaffCode', staffCodeSchema, 'staff_codes');
