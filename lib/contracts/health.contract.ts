import { z } from './common.contract';

export const componentHealthSchema = z.object({
  status: z.enum(['ok', 'error']),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const healthResponseSchema = z
  .object({
    status: z.enum(['ok', 'error']),
    components: z.object({
      mongo: componentHealthSchema,
      elasticsearch: componentHealthSchema,
      temporal: componentHealthSchema,
      wecom: componentHealthSchema,
    }),
  })
  .openapi('Health');

export type ComponentHealth = z.infer<typeof componentHealthSchema>;
export type HealthResponse = z.infer<typeof healthResponseSchema>;
