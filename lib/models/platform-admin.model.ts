import { InferSchemaType, Schema, model } from 'mongoose';

/** An operator of the platform itself (系统管理操作后台): opens tenants, sets seats and validity. No tenant. */
const platformAdminSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
  },
  { timestamps: true },
);

export type PlatformAdmin = InferSchemaType<typeof platformAdminSchema>;
export const PlatformAdminModel = model('PlatformAdmin', platformAdminSchema, 'platform_admins');
