import pino from 'pino';

/** The one logger: JSON lines, one child per component. */
export function createLogger(component: string, level = process.env.LOG_LEVEL ?? 'info') {
  return pino({ level, base: { component } });
}

export type Logger = pino.Logger;
