import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

const groupMemberSchema = new Schema(
  {
    /** A member's userid (type 1) or a customer's external_userid (type 2). */
    userid: { type: String, required: true },
    type: { type: Number, enum: [1, 2], required: true },
    joinedAt: { type: Date },
    /** 1 invited directly, 2 invited via link, 3 scanned the group QR code. */
    joinScene: { type: Number },
    invitorUserid: { type: String },
    groupNickname: { type: String, default: '' },
    name: { type: String, default: '' },
    state: { type: String },
    /** An external WeChat-user member's unionid, when WeCom gives it (the corp bound a WeChat developer account). */
    unionid: { type: String },
  },
  { _id: false },
);

/**
 * A customer group (客户群, R-3.2) as WeCom's groupchat/get shows it, members embedded (at most 500).
 * Counts are derived on every write so the list does not open the member arrays.
 */
const customerGroupSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    chatId: { type: String, required: true },
    name: { type: String, default: '' },
    ownerUserid: { type: String, required: true },
    /** WeCom's create_time. */
    createdAt: { type: Date },
    notice: { type: String, default: '' },
    /** 0 normal, 1 owner resigned, 2 inheriting, 3 inherited. */
    status: { type: Number, default: 0 },
    memberVersion: { type: String, default: '' },
    members: { type: [groupMemberSchema], default: [] },
    /** 群管理员 (groupchat/get's admin_list): corp members the owner made admins. */
    adminUserids: { type: [String], default: [] },
    memberCount: { type: Number, default: 0 },
    customerCount: { type: Number, default: 0 },
    /** 群标签 ids (GroupTagGroupModel's embedded tags). */
    groupTagIds: { type: [String], default: [] },
    /** 最近沟通时间, from the chat archive. */
    lastMessageAt: { type: Date },
    dismissedAt: { type: Date },
    lastSeenAt: { type: Date },
  },
  { timestamps: { createdAt: 'recordedAt', updatedAt: true } },
);
customerGroupSchema.plugin(tenantScopePlugin);
customerGroupSchema.index({ tenantId: 1, chatId: 1 }, { unique: true });
customerGroupSchema.index({ tenantId: 1, ownerUserid: 1, createdAt: -1 });
customerGroupSchema.index({ tenantId: 1, createdAt: -1 });
customerGroupSchema.index({ tenantId: 1, groupTagIds: 1 });
customerGroupSchema.index({ tenantId: 1, name: 1 });
customerGroupSchema.index({ tenantId: 1, lastMessageAt: -1 });
customerGroupSchema.index({ tenantId: 1, 'members.userid': 1 });

export type CustomerGroup = InferSchemaType<typeof customerGroupSchema>;
export const CustomerGroupModel = model('CustomerGroup', customerGroupSchema, 'customer_groups');
