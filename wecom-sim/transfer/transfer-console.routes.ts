/**
 * /sim/corps/:corpId/... for 客户继承: what happens outside the API. An admin marks a member resigned (they leave
 * the address book, their customers and groups stay and wait for a successor); a test decides which customers
 * refuse a new member and how many customers a member may hold; advancing the clock (here or /sim/clock/advance)
 * lets due takeovers happen and sends their change_external_contact events.
 */
import { Router } from 'express';
import { z } from 'zod';
import { deleteUserEvent } from '../callbacks/change-contact-events';
import { externalContactEvent } from '../callbacks/change-external-events';
import type { DeliveryRecord } from '../callbacks/delivery-log';
import type { CallbackEmitter, DeliveryMode } from '../scenario/callback-emitter';
import {
  corpParamsSchema,
  deliveryModeQuerySchema,
  requireCorp,
  type ScenarioDeps,
} from '../scenario/scenario-deps';
import { withInput } from '../scenario/with-input';
import type { Corp } from '../state/corp';
import type { SimState } from '../state/sim-state';

const userParamsSchema = corpParamsSchema.extend({ userid: z.string() });
const resignSchema = z
  .object({
    /** When the member left, in seconds; default the simulator's now. */
    at: z.number().int().positive().optional(),
  })
  .strict();
const refusalSchema = z.object({ external_userid: z.string().min(1), refuses: z.boolean() }).strict();
const limitSchema = z
  .object({ userid: z.string().min(1), limit: z.number().int().nonnegative().nullable() })
  .strict();
const settleSchema = z.object({ advanceSeconds: z.number().positive().finite().optional() }).strict();

/** Sends the events of every transfer that ended, oldest first; one delivery record per event. */
export async function announceTransfers(
  corp: Corp,
  emitter: CallbackEmitter,
  mode: DeliveryMode,
): Promise<Array<DeliveryRecord | null>> {
  const deliveries: Array<DeliveryRecord | null> = [];
  for (const { change, at } of corp.transfers.announce()) {
    const event = externalContactEvent(emitter.externalEventContext(corp, at), change);
    deliveries.push(await emitter.emitExternalEvent(corp, event, mode));
  }
  return deliveries;
}

/** After the clock moved: every corp's due takeovers happen now, and are announced in the background. */
export async function announceAllTransfers(state: SimState, emitter: CallbackEmitter): Promise<void> {
  for (const corp of state.listCorps()) await announceTransfers(corp, emitter, 'background');
}

export function transferConsoleRoutes({ state, emitter }: ScenarioDeps): Router {
  const router = Router();

  router.post(
    '/corps/:corpId/users/:userid/resign',
    withInput(
      { params: userParamsSchema, query: deliveryModeQuerySchema, body: resignSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        // Read first: a seeded corp plants its customers and groups on first use, and planting needs the
        // member still in the address book.
        const customers = corp.customers.customersOf(corp.contacts.members.get(params.userid).userid);
        const member = corp.contacts.members.delete(params.userid);
        const resignation = corp.transfers.markResigned(member.userid, body.at ?? state.clock.nowSeconds());
        const groups = corp.groupChats.markOwnerResigned(member.userid);
        const event = deleteUserEvent(emitter.contactEventContext(corp), member);
        const delivery = await emitter.emitContactEvent(corp, event, query.mode);
        res.json({ resignation, customers, groups, delivery });
      },
    ),
  );

  router.get(
    '/corps/:corpId/transfers',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      const corp = requireCorp(state, params.corpId);
      res.json({ resignations: corp.transfers.resignations(), transfers: corp.transfers.all() });
    }),
  );

  router.put(
    '/corps/:corpId/transfers/refusals',
    withInput({ params: corpParamsSchema, body: refusalSchema }, ({ params, body }, res) => {
      requireCorp(state, params.corpId).transfers.setRefusing(body.external_userid, body.refuses);
      res.json(body);
    }),
  );

  router.put(
    '/corps/:corpId/transfers/customer-limits',
    withInput({ params: corpParamsSchema, body: limitSchema }, ({ params, body }, res) => {
      requireCorp(state, params.corpId).transfers.setCustomerLimit(body.userid, body.limit ?? undefined);
      res.json(body);
    }),
  );

  // Ages this corp's waiting transfers (optionally) and sends the events of the takeovers that are now due.
  router.post(
    '/corps/:corpId/transfers/settle',
    withInput(
      { params: corpParamsSchema, query: deliveryModeQuerySchema, body: settleSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        if (body.advanceSeconds) corp.transfers.elapse(body.advanceSeconds);
        const deliveries = await announceTransfers(corp, emitter, query.mode);
        res.json({ transfers: corp.transfers.all(), deliveries });
      },
    ),
  );

  return router;
}
