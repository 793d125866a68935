import { z } from './common.contract';

export const callbackParamsSchema = z.object({ tenantId: z.string().min(1).max(64) });

/** WeCom's signed query on both the URL check (GET, with echostr) and event delivery (POST). */
export const callbackQuerySchema = z.object({
  msg_signature: z.string().min(1),
  timestamp: z.string().min(1),
  nonce: z.string().min(1),
  echostr: z.string().min(1).optional(),
});

export type CallbackQuery = z.infer<typeof callbackQuerySchema>;
