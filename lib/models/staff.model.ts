import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { writeBackStateSchema } from './write-back-state';

/**
 * A WeCom member (员工). The WeCom fields are overwritten by syncs; the local fields
 * (systemEnabled, passwordHash, sessionVersion) belong to us and syncs never touch them.
 */
const staffSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    userid: { type: String, required: true },
    name: { type: String, required: true },
    alias: { type: String, default: '' },
    mobile: { type: String, default: '' },
    email: { type: String, default: '' },
    position: { type: String, default: '' },
    gender: { type: String, default: '0' },
    telephone: { type: String, default: '' },
    address: { type: String, default: '' },
    avatar: { type: String, default: '' },
    departmentIds: { type: [Number], default: [] },
    mainDepartment: { type: Number },
    wecomStatus: { type: Number, default: 1 },
    lastSeenAt: { type: Date },
    /** Set when WeCom no longer has this member; kept for the history that refers to them. */
    deletedAt: { type: Date },
    systemEnabled: { type: Boolean, default: false },
    passwordHash: { type: String },
    sessionVersion: { type: Number, default: 0 },
    /** The one 权限管理 role (I-100): a RoleModel `_id` as a string. */
    roleId: { type: String },
    /**
     * Has a 会话内容存档 seat (get_permit_user_list), as the consent sync last read it: the staff the 内容存档 and
     * 敏感行为 pickers offer (R-7.6-06).
     */
    archiveEnabled: { type: Boolean, default: false },
    /** A local edit on its way to WeCom (新建/编辑/删除员工), or the last one WeCom refused. */
    writeBack: { type: writeBackStateSchema },
  },
  { timestamps: true },
);
staffSchema.plugin(tenantScopePlugin);
staffSchema.index({ tenantId: 1, userid: 1 }, { unique: true });
staffSchema.index({ tenantId: 1, deletedAt: 1, departmentIds: 1, name: 1 });
staffSchema.index({ tenantId: 1, mobile: 1 });
staffSchema.index({ tenantId: 1, name: 1 });
staffSchema.index({ tenantId: 1, lastSeenAt: 1 });
staffSchema.index({ tenantId: 1, roleId: 1 });
// Login looks a phone number up across tenants.
staffSchema.index({ mobile: 1 });

export type Staff = InferSchemaType<typeof staffSchema>;
export const StaffModel = model('Staff', staffSchema, 'staff');
