/** Shared toJSON options: `_id` becomes `id`, internals are dropped. */
export const cleanJson = {
  virtuals: false,
  versionKey: false,
  transform(_doc: unknown, ret: Record<string, unknown>) {
    ret.id = String(ret._id);
    delete ret._id;
    delete ret.passwordHash;
    return ret;
  },
};
