import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * 企业信息 (R-3.1.2-10..12) entered in 客户详情: one row per company of a tenant, keyed as I-48 keys it (企业全称,
 * or 企业名称 when that is empty), so every customer of that company shows the same details. A WeCom
 * customer's company exists without a row (its names come from WeCom); a row appears once someone edits it.
 */
const customerEnterpriseSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    key: { type: String, required: true },
    /** For WeChat customers only: a WeCom customer's names are WeCom's. */
    shortName: { type: String, default: '' },
    fullName: { type: String, default: '' },
    phone: { type: String, default: '' },
    website: { type: String, default: '' },
    address: { type: String, default: '' },
    industry: { type: String, default: '' },
    scale: { type: String, default: '' },
    region: { type: String, default: '' },
    level: { type: String, default: '' },
    /** 创建人 (R-3.1.2-12): who first entered it. */
    creator: { staffId: { type: String }, name: { type: String, default: '' } },
  },
  { timestamps: true },
);
customerEnterpriseSchema.plugin(tenantScopePlugin);
customerEnterpriseSchema.index({ tenantId: 1, key: 1 }, { unique: true });

export type CustomerEnterprise = InferSchemaType<typeof customerEnterpriseSchema>;
export const CustomerEnterpriseModel = model(
  'CustomerEnterprise',
  customerEnterpriseSchema,
  'customer_enterprises',
);
