import { pageOf, paginationQuerySchema, z } from './common.contract';

/** A local edit on its way to WeCom (pending) or refused by it (failed, with the reason in Chinese). */
export const writeBackMarkSchema = z
  .object({
    status: z.enum(['pending', 'failed']),
    op: z.enum(['create', 'update', 'delete']),
    message: z.string().optional(),
  })
  .openapi('WriteBackMark');

export const departmentSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    parentId: z.number().int(),
    order: z.number(),
    writeBack: writeBackMarkSchema.optional(),
  })
  .openapi('Department');

export const departmentTreeResponseSchema = z
  .object({ corpName: z.string(), items: z.array(departmentSchema) })
  .openapi('DepartmentList');

export const staffListQuerySchema = paginationQuerySchema.extend({
  keyword: z.string().trim().max(64).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  /** The staff holding one role (权限管理's 员工数 link). */
  roleId: z
    .string()
    .regex(/^[0-9a-f]{24}$/, '角色不存在')
    .optional(),
  /** `true`: only the staff with a 会话内容存档 seat (the 内容存档 and 敏感行为 pickers, R-7.6-06). */
  archiveEnabled: z.enum(['true', 'false']).optional(),
});

export const staffSchema = z
  .object({
    userid: z.string(),
    name: z.string(),
    avatar: z.string(),
    mobile: z.string(),
    email: z.string(),
    position: z.string(),
    departments: z.array(z.object({ id: z.number().int(), name: z.string() })),
    systemEnabled: z.boolean(),
    /** Has a 会话内容存档 seat, as the archive's consent sync last read it. */
    archiveEnabled: z.boolean(),
    role: z.object({ id: z.string(), name: z.string() }).nullable(),
    writeBack: writeBackMarkSchema.optional(),
  })
  .openapi('Staff');

export const staffPageSchema = pageOf(staffSchema).openapi('StaffPage');

export const syncStatusSchema = z
  .object({
    lastSync: z
      .object({
        finishedAt: z.string().nullable(),
        count: z.number().int(),
        status: z.enum(['running', 'completed', 'failed']),
        /** Why it failed; while running, why its last step failed (it runs again at `retryAt`). */
        error: z.string().nullable(),
        retryAt: z.string().nullable(),
      })
      .nullable(),
    manualSyncsToday: z.number().int(),
    nextManualSyncAt: z.string().nullable(),
  })
  .openapi('OrgSyncStatus');

export const syncStartedSchema = z
  .object({ message: z.string(), workflowId: z.string() })
  .openapi('OrgSyncStarted');

export const seatsSchema = z
  .object({ used: z.number().int(), total: z.number().int(), effectiveAt: z.string(), expiresAt: z.string() })
  .openapi('Seats');

export const staffParamsSchema = z.object({ userid: z.string().min(1).max(64) });

export const systemAccessRequestSchema = z
  .object({ enabled: z.boolean({ error: '请选择开启或关闭系统' }) })
  .openapi('SystemAccessRequest');

export type StaffListQuery = z.infer<typeof staffListQuerySchema>;
export type StaffView = z.infer<typeof staffSchema>;
export type SyncStatus = z.infer<typeof syncStatusSchema>;
