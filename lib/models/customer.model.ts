import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One member's relation with the customer (WeCom's follow_user, API.md §5.3). A relation that ended stays here
 * with `deletedAt` and who ended it, so statistics and the 删除好友 behaviour keep their history.
 */
const followSchema = new Schema(
  {
    userid: { type: String, required: true },
    remark: { type: String, default: '' },
    description: { type: String, default: '' },
    /** WeCom's createtime: when this member added the customer (添加时间). */
    addedAt: { type: Date, required: true },
    /** Corp tags this member put on the customer (tags are per member × customer in WeCom). */
    tagIds: { type: [String], default: [] },
    remarkCorpName: { type: String, default: '' },
    remarkMobiles: { type: [String], default: [] },
    /** WeCom's add_way (客户来源), kept as a number: the list is open-ended (API.md B9). */
    addWay: { type: Number, default: 0 },
    operUserid: { type: String, default: '' },
    /** The contact-way or live-code state the customer came through. */
    state: { type: String, default: '' },
    /** When WeCom last showed this relation; a completed full sync ends active relations it did not see. */
    lastSeenAt: { type: Date },
    deletedAt: { type: Date },
    deletedBy: { type: String, enum: ['staff', 'customer', 'transfer'] },
  },
  { _id: false },
);

/**
 * A customer (外部联系人) of the tenant's corp, with every member's relation embedded: the list reads
 * one document per row. The derived fields below are rewritten with every change of `follows`
 * (lib/customers/customer-derived.ts), so list filters hit indexes instead of scanning the relations.
 */
const customerSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    externalUserid: { type: String, required: true },
    name: { type: String, default: '' },
    avatar: { type: String, default: '' },
    /** 1 WeChat user (@微信), 2 WeCom user of another company (@企业名称). */
    type: { type: Number, enum: [1, 2], default: 1 },
    gender: { type: Number, default: 0 },
    /**
     * A WeChat customer's unionid (WeCom gives it once the corp binds a WeChat developer account): the same
     * person across every member who added them, and in the corp's 公众号/小程序, so de-duplication can key on it.
     */
    unionid: { type: String },
    /** WeCom-user customers only, from WeCom. */
    corpName: { type: String, default: '' },
    corpFullName: { type: String, default: '' },
    position: { type: String, default: '' },
    follows: { type: [followSchema], default: [] },

    /** Fields edited in 客户详情: 企业名称 for WeChat customers, 电话 and 客户来源 for both. */
    profile: {
      corpName: { type: String },
      /** 职务 of a WeChat customer (I-45); WeCom customers' position comes from WeCom. */
      position: { type: String },
      phone: { type: String },
      source: { type: String },
    },

    // Derived from `follows` (active relations only), maintained on every write:
    /** 添加人: members with an active relation, oldest first; also the data-permission key (I-104). */
    adderUserids: { type: [String], default: [] },
    /** 跟进人 = the first adder still following. */
    ownerUserid: { type: String },
    firstAddedAt: { type: Date },
    /** Union of the active relations' corp tags (客户标签). */
    tagIds: { type: [String], default: [] },
    /** Remark mobiles and the profile phone, for the 手机号 search. */
    phones: { type: [String], default: [] },
    /** Lowest add_way of the first relation, for the 客户来源 filter. */
    addWay: { type: Number },
    /** True while at least one member still follows the customer. */
    active: { type: Boolean, default: true },

    /** 近期沟通时间, from the chat archive. */
    lastContactAt: { type: Date },
    /** Set by each full sync that saw the customer; older ones were not seen. */
    lastSeenAt: { type: Date },
    /**
     * A fresh id per write of `follows` (lib/customers/customer-writes.ts): writers read, merge and write back
     * guarded by `updatedAt`, then read this back to learn which of their batched writes lost a race.
     */
    writeId: { type: String },
  },
  { timestamps: true },
);
customerSchema.plugin(tenantScopePlugin);
// Writers reach the customer search index explicitly, through lib/search/customer-indexer.ts.
customerSchema.index({ tenantId: 1, externalUserid: 1 }, { unique: true });
// The default list order and its data-permission variant (any adder in scope). `_id` is the list's tie-break
// (CUSTOMER_LIST_SORT), so the index gives the page in order without sorting every match.
customerSchema.index({ tenantId: 1, active: 1, firstAddedAt: -1, _id: -1 });
customerSchema.index({ tenantId: 1, adderUserids: 1, firstAddedAt: -1, _id: -1 });
// The 客户标签 filter, in list order (its prefix still serves a plain lookup by tag).
customerSchema.index({ tenantId: 1, tagIds: 1, firstAddedAt: -1, _id: -1 });
customerSchema.index({ tenantId: 1, name: 1 });
customerSchema.index({ tenantId: 1, phones: 1 });
customerSchema.index({ tenantId: 1, addWay: 1 });
customerSchema.index({ tenantId: 1, lastContactAt: -1 });
customerSchema.index({ tenantId: 1, lastSeenAt: 1 });
// 客户列表 filters (R-3.1.1-02) in list order: 跟进人, 客户来源, 客户类型.
customerSchema.index({ tenantId: 1, ownerUserid: 1, firstAddedAt: -1, _id: -1 });
customerSchema.index({ tenantId: 1, 'profile.source': 1, firstAddedAt: -1, _id: -1 });
customerSchema.index({ tenantId: 1, type: 1, firstAddedAt: -1, _id: -1 });
// 相关客户 (I-48): the same 企业全称, or 企业名称, WeCom's or edited.
customerSchema.index({ tenantId: 1, corpFullName: 1 });
customerSchema.index({ tenantId: 1, corpName: 1 });
customerSchema.index({ tenantId: 1, 'profile.corpName': 1 });

export type Customer = InferSchemaType<typeof customerSchema>;
export type CustomerFollow = InferSchemaType<typeof followSchema>;
export const CustomerModel = model('Customer', customerSchema, 'customers');
