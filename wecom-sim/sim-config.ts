/** The simulator's environment, validated once at boot; a bad value stops the process naming the variable. */
import { z } from 'zod';

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  SIM_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).default(3001)),
  /** Loopback by default: the simulator hands out secrets to anyone who asks. */
  SIM_HOST: z.preprocess(emptyAsUnset, z.string().default('127.0.0.1')),
  SIM_SEED: z.preprocess(emptyAsUnset, z.enum(['demo', 'none']).default('none')),
  LOG_LEVEL: z.preprocess(
    emptyAsUnset,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});

export interface SimConfig {
  port: number;
  host: string;
  seed: 'demo' | 'none';
  logLevel: string;
}

export function loadSimConfig(env: NodeJS.ProcessEnv): SimConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid wecom-sim environment: ${problems.join('; ')}`);
  }
  const { SIM_PORT, SIM_HOST, SIM_SEED, LOG_LEVEL } = parsed.data;
  return { port: SIM_PORT, host: SIM_HOST, seed: SIM_SEED, logLevel: LOG_LEVEL };
}
