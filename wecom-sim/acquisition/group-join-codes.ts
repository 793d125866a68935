/**
 * Group join QR codes of the simulated customer groups, so a 群活码 can be tried end to end on one machine:
 *   GET  /sim/corps/:corpId/group-chats/:chatId/join-qr.png  a PNG QR encoding this group's join URL (the image
 *        an owner saves from "群二维码" in the WeCom client and uploads as a 实际群码)
 *   POST /sim/corps/:corpId/group-chats/:chatId/join         {external_userid}: a customer scanned it and joined;
 *        the member joins with join_scene 3 (scanned the group QR) and the corp's customer callback receives
 *        change_external_chat / update / add_member with JoinScene 3 (API.md §8.2, §14.3).
 */
import { Router } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { chatUpdatedEvent } from '../callbacks/change-external-events';
import { groupChatView } from '../customers/customer-views';
import {
  corpParamsSchema,
  deliveryModeQuerySchema,
  requireCorp,
  type ScenarioDeps,
} from '../scenario/scenario-deps';
import { ScenarioError } from '../scenario/scenario-error';
import { withInput } from '../scenario/with-input';

const chatParamsSchema = corpParamsSchema.extend({ chatId: z.string() });
const joinSchema = z.object({ external_userid: z.string().min(1) }).strict();

/** What the group's QR encodes: the simulator's own join address for it. */
export function groupJoinUrl(origin: string, corpId: string, chatId: string): string {
  return `${origin}/sim/corps/${encodeURIComponent(corpId)}/group-chats/${encodeURIComponent(chatId)}/join`;
}

export function groupJoinCodesRoutes({ state, emitter }: ScenarioDeps): Router {
  const router = Router();

  router.get(
    '/corps/:corpId/group-chats/:chatId/join-qr.png',
    withInput({ params: chatParamsSchema }, async ({ params }, res) => {
      const corp = requireCorp(state, params.corpId);
      corp.groupChats.get(params.chatId);
      const origin = `${res.req.protocol}://${res.req.get('host')}`;
      const png = await QRCode.toBuffer(groupJoinUrl(origin, params.corpId, params.chatId), {
        type: 'png',
        width: 360,
        margin: 2,
      });
      res.type('png').send(png);
    }),
  );

  router.post(
    '/corps/:corpId/group-chats/:chatId/join',
    withInput(
      { params: chatParamsSchema, query: deliveryModeQuerySchema, body: joinSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        if (!corp.customers.has(body.external_userid)) {
          throw new ScenarioError(404, `customer ${body.external_userid} not found`);
        }
        const customer = corp.customers.contact(body.external_userid);
        const change = corp.groupChats.addMembers(params.chatId, [
          {
            userid: customer.external_userid,
            type: 2,
            join_time: state.clock.nowSeconds(),
            join_scene: 3,
            group_nickname: '',
            name: customer.name,
          },
        ]);
        const event = chatUpdatedEvent(emitter.externalEventContext(corp), params.chatId, 'add_member', {
          scene: 3,
          ...change,
        });
        // Scanning again as a member changes nothing and announces nothing, as in WeCom.
        const delivery = change.changed.length
          ? await emitter.emitExternalEvent(corp, event, query.mode)
          : null;
        res.json({ group_chat: groupChatView(change.chat, true, corp), delivery });
      },
    ),
  );

  return router;
}
