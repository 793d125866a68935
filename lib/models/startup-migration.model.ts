import { InferSchemaType, Schema, model } from 'mongoose';

/**
 * A one-off data migration run at worker start, done: `_id` names it (e.g. `handover-customers/v1`). Written
 * when the migration has finished for every tenant, so a later start skips it; a start that dies before runs it
 * again, which each migration must therefore bear (keyed writes).
 */
const startupMigrationSchema = new Schema(
  {
    _id: { type: String, required: true },
    doneAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type StartupMigration = InferSchemaType<typeof startupMigrationSchema>;
export const StartupMigrationModel = model('StartupMigration', startupMigrationSchema, 'startup_migrations');
