import { Schema, model } from 'mongoose';

/**
 * Failed password attempts per phone number, so the lockout holds across api instances.
 * FerretDB has no TTL indexes: old rows are ignored by the time window and removed on success.
 */
const loginFailureSchema = new Schema({
  phone: { type: String, required: true },
  at: { type: Date, required: true },
});
loginFailureSchema.index({ phone: 1, at: -1 });

export const LoginFailureModel = model('LoginFailure', loginFailureSchema, 'login_failures');
