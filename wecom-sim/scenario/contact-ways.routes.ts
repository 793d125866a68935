/**
 * /sim/corps/:corpId/contact-ways: what a customer does with a 「联系我」 code, and what tests read back.
 * A scan lands on one of the way's active members (in turn for a multi-member way, WeCom's own spreading);
 * with skip_verify the customer is a friend at once, otherwise only once the member accepts. The add is
 * announced as add_external_contact with the way's State and a WelcomeCode valid 20 seconds (API.md §14.2).
 */
import { Router } from 'express';
import { z } from 'zod';
import { externalContactEvent } from '../callbacks/change-external-events';
import { externalContactView } from '../customers/customer-views';
import { randomWecomId } from '../customers/external-ids';
import { corpParamsSchema, deliveryModeQuerySchema, requireCorp, type ScenarioDeps } from './scenario-deps';
import { ScenarioError } from './scenario-error';
import { withInput } from './with-input';

const wayParamsSchema = corpParamsSchema.extend({ configId: z.string() });

const scanSchema = z
  .object({
    /** A known customer scanning again, or a stable id; otherwise a new `wm…` id is drawn. */
    external_userid: z.string().optional(),
    name: z.string().min(1).optional(),
    type: z.union([z.literal(1), z.literal(2)]).default(1),
    gender: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
    avatar: z.string().default(''),
    /** For a way without skip_verify: whether the member accepts the request (no event until they do). */
    member_accepts: z.boolean().default(true),
    /** Whether WeCom hands out a WelcomeCode (not when the admin configured a welcome in the console). */
    welcome_code: z.boolean().default(true),
  })
  .strict();

/** add_way 1: 扫描二维码 (a QR way); a mini-program button way has no add_way of its own, so 0. */
const ADD_WAY_QR = 1;

export function contactWaysRoutes({ state, emitter }: ScenarioDeps): Router {
  const router = Router();

  router.get(
    '/corps/:corpId/contact-ways',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      const corp = requireCorp(state, params.corpId);
      res.json({ contact_ways: corp.contactWays.list(0, Number.MAX_SAFE_INTEGER) });
    }),
  );

  // What the QR code encodes: a scanner's browser lands here.
  router.get(
    '/corps/:corpId/contact-ways/:configId',
    withInput({ params: wayParamsSchema }, ({ params }, res) => {
      const corp = requireCorp(state, params.corpId);
      res.json({
        contact_way: corp.contactWays.get(params.configId),
        members: corp.contactWays.reachableMembers(params.configId),
      });
    }),
  );

  router.post(
    '/corps/:corpId/contact-ways/:configId/scans',
    withInput(
      { params: wayParamsSchema, query: deliveryModeQuerySchema, body: scanSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const way = corp.contactWays.get(params.configId);
        if (way.scene !== 2) throw new ScenarioError(400, 'this contact way is a mini-program button');
        const userid = corp.contactWays.memberForScan(way.config_id);
        const externalUserid = body.external_userid ?? randomWecomId('wm');
        if (!corp.customers.has(externalUserid) && !body.name)
          throw new ScenarioError(400, 'name is required for a new customer');
        if (corp.customers.hasRelation(userid, externalUserid))
          throw new ScenarioError(409, `${userid} already has customer ${externalUserid}`);
        const contact = corp.customers.upsertContact({
          external_userid: externalUserid,
          name: body.name ?? '',
          type: body.type,
          gender: body.gender,
          avatar: body.avatar,
        });
        if (!way.skip_verify && !body.member_accepts) {
          res.status(202).json({ customer: externalContactView(contact, corp), userid, delivery: null });
          return;
        }
        corp.customers.follow({
          userid,
          external_userid: externalUserid,
          remark: '',
          description: '',
          createtime: state.clock.nowSeconds(),
          tag_ids: [],
          remark_corp_name: '',
          remark_mobiles: [],
          add_way: ADD_WAY_QR,
          oper_userid: externalUserid,
          state: way.state,
          half: false,
        });
        const welcomeCode = body.welcome_code ? corp.welcomeCodes.issue(userid, externalUserid) : undefined;
        const event = externalContactEvent(emitter.externalEventContext(corp), {
          changeType: 'add_external_contact',
          userid,
          externalUserid,
          state: way.state,
          welcomeCode,
        });
        const delivery = await emitter.emitExternalEvent(corp, event, query.mode);
        res.status(201).json({
          customer: externalContactView(contact, corp),
          userid,
          welcome_code: welcomeCode ?? null,
          delivery,
        });
      },
    ),
  );

  router.get(
    '/corps/:corpId/welcome-messages',
    withInput(
      { params: corpParamsSchema, query: z.object({ external_userid: z.string().optional() }) },
      ({ params, query }, res) => {
        const corp = requireCorp(state, params.corpId);
        res.json({ welcome_messages: corp.welcomeCodes.delivered(query) });
      },
    ),
  );

  router.get(
    '/corps/:corpId/group-welcome-templates',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      const corp = requireCorp(state, params.corpId);
      res.json({ templates: corp.groupWelcomeTemplates.all() });
    }),
  );

  return router;
}
