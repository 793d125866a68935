/**
 * /sim/corps/:corpId/users and /departments: changes made "in the WeCom admin console". They follow the same
 * rules as the API but, unlike API calls, emit change_contact callbacks (API.md §14.5, §18).
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  createPartyEvent,
  createUserEvent,
  deletePartyEvent,
  deleteUserEvent,
  updatePartyEvent,
  updateUserEvent,
} from '../callbacks/change-contact-events';
import { departmentView, memberView } from '../contacts/contact-views';
import { memberFieldsSchema } from '../contacts/member-input';
import type { Activation } from '../contacts/member-roster';
import { corpParamsSchema, deliveryModeQuerySchema, requireCorp, type ScenarioDeps } from './scenario-deps';
import { withInput } from './with-input';

/** The console sets a member's status directly: 1 active, 2 disabled, 4 invited but not yet joined. */
const statusSchema = z.union([z.literal(1), z.literal(2), z.literal(4)]);
type ConsoleStatus = z.infer<typeof statusSchema>;

const memberCreateSchema = memberFieldsSchema
  .omit({ enable: true })
  .extend({ status: statusSchema.optional() })
  .strict();
const memberUpdateSchema = memberFieldsSchema
  .omit({ enable: true, userid: true })
  .extend({ new_userid: z.string().optional(), status: statusSchema.optional() })
  .strict();
const userParamsSchema = corpParamsSchema.extend({ userid: z.string() });

const departmentCreateSchema = z
  .object({
    id: z.number().int().optional(),
    name: z.string(),
    name_en: z.string().optional(),
    parentid: z.number().int(),
    order: z.number().int().optional(),
  })
  .strict();
const departmentUpdateSchema = departmentCreateSchema.omit({ id: true }).partial().strict();
const departmentParamsSchema = corpParamsSchema.extend({ id: z.coerce.number().int() });

function statusToFlags(status: ConsoleStatus | undefined): { enable?: 0 | 1; activation?: Activation } {
  if (status === undefined) return {};
  if (status === 2) return { enable: 0 };
  return { enable: 1, activation: status === 1 ? 'active' : 'pending' };
}

export function contactsRoutes({ state, emitter }: ScenarioDeps): Router {
  const router = Router();

  router.post(
    '/corps/:corpId/users',
    withInput(
      { params: corpParamsSchema, query: deliveryModeQuerySchema, body: memberCreateSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const { status, ...fields } = body;
        const flags = statusToFlags(status);
        const member = corp.contacts.members.create(
          { ...fields, enable: flags.enable },
          flags.activation ?? 'active',
        );
        const event = createUserEvent(emitter.contactEventContext(corp), member);
        const delivery = await emitter.emitContactEvent(corp, event, query.mode);
        res.status(201).json({ user: memberView(member, { sensitive: true }), delivery });
      },
    ),
  );

  router.patch(
    '/corps/:corpId/users/:userid',
    withInput(
      { params: userParamsSchema, query: deliveryModeQuerySchema, body: memberUpdateSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const { status, new_userid: newUserid, ...fields } = body;
        const flags = statusToFlags(status);
        const change = corp.contacts.members.update(
          { ...fields, userid: params.userid, enable: flags.enable },
          { newUserid, activation: flags.activation },
        );
        const event = updateUserEvent(emitter.contactEventContext(corp), change);
        const delivery = await emitter.emitContactEvent(corp, event, query.mode);
        res.json({ user: memberView(change.after, { sensitive: true }), delivery });
      },
    ),
  );

  router.delete(
    '/corps/:corpId/users/:userid',
    withInput(
      { params: userParamsSchema, query: deliveryModeQuerySchema },
      async ({ params, query }, res) => {
        const corp = requireCorp(state, params.corpId);
        const member = corp.contacts.members.delete(params.userid);
        const event = deleteUserEvent(emitter.contactEventContext(corp), member);
        const delivery = await emitter.emitContactEvent(corp, event, query.mode);
        res.json({ deleted: member.userid, delivery });
      },
    ),
  );

  router.post(
    '/corps/:corpId/departments',
    withInput(
      { params: corpParamsSchema, query: deliveryModeQuerySchema, body: departmentCreateSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const department = corp.contacts.departments.create(body);
        const event = createPartyEvent(emitter.contactEventContext(corp), department);
        const delivery = await emitter.emitContactEvent(corp, event, query.mode);
        res.status(201).json({ department: departmentView(corp.contacts, department), delivery });
      },
    ),
  );

  router.patch(
    '/corps/:corpId/departments/:id',
    withInput(
      { params: departmentParamsSchema, query: deliveryModeQuerySchema, body: departmentUpdateSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const change = corp.contacts.departments.update({ ...body, id: params.id });
        const event = updatePartyEvent(emitter.contactEventContext(corp), change);
        const delivery = await emitter.emitContactEvent(corp, event, query.mode);
        res.json({ department: departmentView(corp.contacts, change.after), delivery });
      },
    ),
  );

  router.delete(
    '/corps/:corpId/departments/:id',
    withInput(
      { params: departmentParamsSchema, query: deliveryModeQuerySchema },
      async ({ params, query }, res) => {
        const corp = requireCorp(state, params.corpId);
        const department = corp.contacts.deleteDepartment(params.id);
        const event = deletePartyEvent(emitter.contactEventContext(corp), department);
        const delivery = await emitter.emitContactEvent(corp, event, query.mode);
        res.json({ deleted: department.id, delivery });
      },
    ),
  );

  return router;
}
