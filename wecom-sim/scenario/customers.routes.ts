/**
 * /sim/corps/:corpId/customers, /group-chats, /corp-tags and /app-messages: what customers and members do in
 * their WeCom and WeChat clients, and what an admin does in the console. Unlike API calls these emit the
 * customer-side callbacks (API.md §14.2-14.4, §18) to the corp's customers (客户联系) callback server.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  chatCreatedEvent,
  chatDismissedEvent,
  chatUpdatedEvent,
  externalContactEvent,
  tagEvent,
  type ChatUpdateDetail,
} from '../callbacks/change-external-events';
import { externalContactView, followUserView, groupChatView } from '../customers/customer-views';
import { randomWecomId } from '../customers/external-ids';
import type { GroupMember } from '../customers/group-chats';
import type { Corp } from '../state/corp';
import { corpParamsSchema, deliveryModeQuerySchema, requireCorp, type ScenarioDeps } from './scenario-deps';
import { ScenarioError } from './scenario-error';
import { withInput } from './with-input';

const customerParamsSchema = corpParamsSchema.extend({ externalUserid: z.string() });
const relationParamsSchema = customerParamsSchema.extend({ userid: z.string() });
const chatParamsSchema = corpParamsSchema.extend({ chatId: z.string() });
const tagParamsSchema = corpParamsSchema.extend({ id: z.string() });

/** The doc's external_attr shapes: 0 text, 1 web page, 2 mini-program. */
const externalAttrSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(0), name: z.string(), text: z.object({ value: z.string() }) }).strict(),
  z
    .object({ type: z.literal(1), name: z.string(), web: z.object({ url: z.string(), title: z.string() }) })
    .strict(),
  z
    .object({
      type: z.literal(2),
      name: z.string(),
      miniprogram: z.object({ appid: z.string(), pagepath: z.string(), title: z.string() }),
    })
    .strict(),
]);

/**
 * When it happened, in seconds, for activity dated in the past (a month of history for the statistics APIs);
 * now when left out. It becomes the relation's createtime, the group's or member's time, and the callback's
 * CreateTime. Never in the future.
 */
const atSchema = z.number().int().nonnegative().optional();
const atQuerySchema = z.coerce.number().int().nonnegative().optional();

const generateCustomersSchema = z
  .object({
    count: z.number().int().min(1).max(200_000),
    userids: z.array(z.string()).min(1),
    namePrefix: z.string().default('客户'),
  })
  .strict();

const addCustomerSchema = z
  .object({
    /** Given to re-add a known customer (or to pick a stable id); otherwise a new `wm…` id is drawn. */
    external_userid: z.string().optional(),
    name: z.string().min(1).optional(),
    type: z.union([z.literal(1), z.literal(2)]).default(1),
    gender: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
    avatar: z.string().default(''),
    unionid: z.string().optional(),
    position: z.string().optional(),
    corp_name: z.string().optional(),
    corp_full_name: z.string().optional(),
    /** 对外信息 of a WeCom-user customer (type 2). */
    external_profile: z
      .object({ external_attr: z.array(externalAttrSchema) })
      .strict()
      .optional(),
    /** The member the customer adds (or who adds the customer). */
    userid: z.string(),
    add_way: z.number().int().default(1),
    state: z.string().default(''),
    /** Who started it: the member (default) or the customer. */
    added_by: z.enum(['member', 'customer']).default('member'),
    remark: z.string().default(''),
    /** The customer added a skip-verify member who has not accepted yet (add_half_external_contact). */
    half: z.boolean().default(false),
    /** Whether WeCom hands out a WelcomeCode (not when the admin set a welcome message). */
    welcome_code: z.boolean().default(true),
    at: atSchema,
  })
  .strict();

const editRelationSchema = z
  .object({
    remark: z.string().optional(),
    description: z.string().optional(),
    remark_company: z.string().optional(),
    remark_mobiles: z.array(z.string()).optional(),
    add_tag: z.array(z.string()).optional(),
    remove_tag: z.array(z.string()).optional(),
  })
  .strict();

const deleteRelationQuerySchema = z
  .object({
    by: z.enum(['member', 'customer']).default('member'),
    async: z.enum(['0', '1']).optional(),
    at: atQuerySchema,
  })
  .transform(({ by, async, at }) => ({
    by,
    at,
    mode: async === '1' ? ('background' as const) : ('await' as const),
  }));
const datedDeliveryQuerySchema = z
  .object({ async: z.enum(['0', '1']).optional(), at: atQuerySchema })
  .transform(({ async, at }) => ({
    at,
    mode: async === '1' ? ('background' as const) : ('await' as const),
  }));

const groupMemberSchema = z
  .object({
    userid: z.string(),
    type: z.union([z.literal(1), z.literal(2)]).optional(),
    join_scene: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
    invitor: z.string().optional(),
    group_nickname: z.string().default(''),
    state: z.string().optional(),
  })
  .strict();

const createChatSchema = z
  .object({
    chat_id: z.string().optional(),
    name: z.string().default(''),
    owner: z.string(),
    notice: z.string().default(''),
    members: z.array(groupMemberSchema).default([]),
    admins: z.array(z.string()).default([]),
    at: atSchema,
  })
  .strict();

const addMembersSchema = z.object({ members: z.array(groupMemberSchema).min(1), at: atSchema }).strict();
const removeMembersSchema = z
  .object({
    userids: z.array(z.string()).min(1),
    quit_scene: z.union([z.literal(0), z.literal(1)]).default(0),
    at: atSchema,
  })
  .strict();
const updateChatSchema = z
  .object({
    name: z.string().optional(),
    owner: z.string().optional(),
    notice: z.string().optional(),
    at: atSchema,
  })
  .strict()
  .refine(({ at: _at, ...change }) => Object.values(change).filter((v) => v !== undefined).length === 1, {
    message: 'change exactly one of name, owner, notice',
  });

const addTagsSchema = z
  .object({
    group_id: z.string().optional(),
    group_name: z.string().optional(),
    order: z.number().int().nonnegative().optional(),
    tag: z
      .array(z.object({ name: z.string(), order: z.number().int().nonnegative().optional() }).strict())
      .min(1),
  })
  .strict();
const editTagSchema = z
  .object({ name: z.string().optional(), order: z.number().int().nonnegative().optional() })
  .strict();

/** A group member as stored: names come from the address book or the customer book. */
function toGroupMember(corp: Corp, input: z.infer<typeof groupMemberSchema>, joinTime: number): GroupMember {
  const isCustomer = input.type === 2 || corp.customers.has(input.userid);
  const name = isCustomer
    ? corp.customers.contact(input.userid).name
    : corp.contacts.members.get(input.userid).name;
  return {
    userid: isCustomer ? input.userid : corp.contacts.members.get(input.userid).userid,
    type: isCustomer ? 2 : 1,
    join_time: joinTime,
    join_scene: input.join_scene,
    ...(input.invitor ? { invitor: { userid: input.invitor } } : {}),
    group_nickname: input.group_nickname,
    name,
    ...(input.state ? { state: input.state } : {}),
  };
}

/** add_member's JoinScene: 0 for invited (directly or by link), 3 for the group QR (API.md §14.3). */
function callbackJoinScene(members: GroupMember[]): number {
  return members.every((member) => member.join_scene === 3) ? 3 : 0;
}

export function customersRoutes({ state, emitter }: ScenarioDeps): Router {
  const router = Router();
  const context = (corp: Corp, at?: number) => emitter.externalEventContext(corp, at);
  /** A scenario's `at`, or now; a time to come is refused (the simulator's clock only moves forward). */
  const timeOf = (at: number | undefined): number => {
    const now = state.clock.nowSeconds();
    if (at !== undefined && at > now) throw new ScenarioError(400, `at ${at} is in the future (now ${now})`);
    return at ?? now;
  };

  router.get(
    '/corps/:corpId/customers',
    withInput(
      { params: corpParamsSchema, query: z.object({ userid: z.string().optional() }) },
      ({ params, query }, res) => {
        const corp = requireCorp(state, params.corpId);
        const ids = query.userid
          ? corp.customers.customersOf(query.userid)
          : corp.customers.allContacts().map((c) => c.external_userid);
        res.json({
          customers: ids.map((id) => ({
            ...externalContactView(corp.customers.contact(id), corp),
            follow_user: corp.customers.followersOf(id).map((r) => followUserView(r, corp.corpTags)),
          })),
        });
      },
    ),
  );

  router.get(
    '/corps/:corpId/customers/:externalUserid',
    withInput({ params: customerParamsSchema }, ({ params }, res) => {
      const corp = requireCorp(state, params.corpId);
      const contact = corp.customers.contact(params.externalUserid);
      res.json({
        customer: externalContactView(contact, corp),
        follow_user: corp.customers
          .followersOf(contact.external_userid)
          .map((r) => followUserView(r, corp.corpTags)),
      });
    }),
  );

  router.post(
    '/corps/:corpId/customers',
    withInput(
      { params: corpParamsSchema, query: deliveryModeQuerySchema, body: addCustomerSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const at = timeOf(body.at);
        const userid = corp.contacts.members.get(body.userid).userid;
        const externalUserid = body.external_userid ?? randomWecomId('wm');
        if (!corp.customers.has(externalUserid) && !body.name) {
          throw new ScenarioError(400, 'name is required for a new customer');
        }
        const contact = corp.customers.upsertContact({
          external_userid: externalUserid,
          name: body.name ?? '',
          type: body.type,
          gender: body.gender,
          avatar: body.avatar,
          unionid: body.unionid,
          position: body.position,
          corp_name: body.corp_name,
          corp_full_name: body.corp_full_name,
          external_profile: body.external_profile,
        });
        if (corp.customers.hasRelation(userid, externalUserid)) {
          throw new ScenarioError(409, `${userid} already has customer ${externalUserid}`);
        }
        corp.customers.follow({
          userid,
          external_userid: externalUserid,
          remark: body.remark,
          description: '',
          createtime: at,
          tag_ids: [],
          remark_corp_name: '',
          remark_mobiles: [],
          add_way: body.add_way,
          oper_userid: body.added_by === 'member' ? userid : externalUserid,
          state: body.state,
          half: body.half,
        });
        const event = externalContactEvent(context(corp, at), {
          changeType: body.half ? 'add_half_external_contact' : 'add_external_contact',
          userid,
          externalUserid,
          state: body.state,
          welcomeCode: body.welcome_code ? corp.welcomeCodes.issue(userid, externalUserid) : undefined,
        });
        const delivery = await emitter.emitExternalEvent(corp, event, query.mode);
        res.status(201).json({ customer: externalContactView(contact, corp), delivery });
      },
    ),
  );

  // A large corp's customers at once (benchmarks): `count` new customers, each added by the next of `userids`
  // in turn, with no callback (as if they had been there before the app was installed).
  router.post(
    '/corps/:corpId/customers/generate',
    withInput({ params: corpParamsSchema, body: generateCustomersSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      const userids = body.userids.map((userid) => corp.contacts.members.get(userid).userid);
      const createtime = state.clock.nowSeconds();
      const externalUserids: string[] = [];
      for (let i = 0; i < body.count; i++) {
        const externalUserid = randomWecomId('wm');
        corp.customers.upsertContact({
          external_userid: externalUserid,
          name: `${body.namePrefix}${i + 1}`,
          type: 1,
          gender: 0,
          avatar: '',
        });
        corp.customers.follow({
          userid: userids[i % userids.length],
          external_userid: externalUserid,
          remark: '',
          description: '',
          createtime,
          tag_ids: [],
          remark_corp_name: '',
          remark_mobiles: [],
          add_way: 1,
          oper_userid: externalUserid,
          state: '',
          half: false,
        });
        externalUserids.push(externalUserid);
      }
      res
        .status(201)
        .json({ count: externalUserids.length, first: externalUserids[0], last: externalUserids.at(-1) });
    }),
  );

  // The member accepts a half-added customer: now a real relation, announced as add_external_contact.
  router.post(
    '/corps/:corpId/customers/:externalUserid/followers/:userid/accept',
    withInput(
      { params: relationParamsSchema, query: deliveryModeQuerySchema },
      async ({ params, query }, res) => {
        const corp = requireCorp(state, params.corpId);
        if (corp.customers.hasRelation(params.userid, params.externalUserid)) {
          throw new ScenarioError(409, 'already accepted');
        }
        const accepted = corp.customers.accept(params.userid, params.externalUserid);
        const event = externalContactEvent(context(corp), {
          changeType: 'add_external_contact',
          userid: accepted.userid,
          externalUserid: accepted.external_userid,
          state: accepted.state,
        });
        res.json({ delivery: await emitter.emitExternalEvent(corp, event, query.mode) });
      },
    ),
  );

  // The member edits remark/description/tags in the client: edit_external_contact, except for a
  // remark-mobiles-only edit, which WeCom does not announce (API.md §5.5).
  router.patch(
    '/corps/:corpId/customers/:externalUserid/followers/:userid',
    withInput(
      { params: relationParamsSchema, query: deliveryModeQuerySchema, body: editRelationSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const { add_tag, remove_tag, ...remarks } = body;
        const tagIds = [...(add_tag ?? []), ...(remove_tag ?? [])];
        for (const id of tagIds)
          if (!corp.corpTags.isTag(id)) throw new ScenarioError(400, `unknown tag ${id}`);
        if (Object.values(remarks).some((value) => value !== undefined)) {
          corp.customers.remark(params.userid, params.externalUserid, remarks);
        }
        if (tagIds.length > 0) {
          corp.customers.markTags(params.userid, params.externalUserid, add_tag ?? [], remove_tag ?? []);
        }
        const relation = corp.customers.relation(params.userid, params.externalUserid);
        const mobilesOnly =
          tagIds.length === 0 &&
          Object.entries(remarks).every(([key, v]) => v === undefined || key === 'remark_mobiles');
        const delivery = mobilesOnly
          ? null
          : await emitter.emitExternalEvent(
              corp,
              externalContactEvent(context(corp), {
                changeType: 'edit_external_contact',
                userid: relation.userid,
                externalUserid: relation.external_userid,
              }),
              query.mode,
            );
        res.json({ follow_user: followUserView(relation, corp.corpTags), delivery });
      },
    ),
  );

  // by=member: the member deleted the customer (del_external_contact); by=customer: the customer deleted the
  // member (del_follow_user).
  router.delete(
    '/corps/:corpId/customers/:externalUserid/followers/:userid',
    withInput(
      { params: relationParamsSchema, query: deleteRelationQuerySchema },
      async ({ params, query }, res) => {
        const corp = requireCorp(state, params.corpId);
        const at = timeOf(query.at);
        const relation = corp.customers.unfollow(params.userid, params.externalUserid, { by: query.by, at });
        const event = externalContactEvent(context(corp, at), {
          changeType: query.by === 'member' ? 'del_external_contact' : 'del_follow_user',
          userid: relation.userid,
          externalUserid: relation.external_userid,
        });
        res.json({ delivery: await emitter.emitExternalEvent(corp, event, query.mode) });
      },
    ),
  );

  router.get(
    '/corps/:corpId/group-chats',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      const corp = requireCorp(state, params.corpId);
      res.json({
        group_chats: corp.groupChats
          .all()
          .map((chat) => ({ ...groupChatView(chat, true, corp), status: chat.status })),
      });
    }),
  );

  router.post(
    '/corps/:corpId/group-chats',
    withInput(
      { params: corpParamsSchema, query: deliveryModeQuerySchema, body: createChatSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const now = timeOf(body.at);
        const owner = corp.contacts.members.get(body.owner).userid;
        const others = body.members.filter((member) => member.userid !== owner);
        const chat = corp.groupChats.create({
          chat_id: body.chat_id ?? randomWecomId('wr'),
          name: body.name,
          owner,
          create_time: now,
          notice: body.notice,
          member_list: [
            toGroupMember(corp, { userid: owner, type: 1, join_scene: 1, group_nickname: '' }, now),
            ...others.map((member) => toGroupMember(corp, member, now)),
          ],
          admin_list: body.admins.map((userid) => ({ userid })),
          status: 0,
        });
        const delivery = await emitter.emitExternalEvent(
          corp,
          chatCreatedEvent(context(corp, now), chat.chat_id),
          query.mode,
        );
        res.status(201).json({ group_chat: groupChatView(chat, true, corp), delivery });
      },
    ),
  );

  router.post(
    '/corps/:corpId/group-chats/:chatId/members',
    withInput(
      { params: chatParamsSchema, query: deliveryModeQuerySchema, body: addMembersSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const now = timeOf(body.at);
        const members = body.members.map((member) => toGroupMember(corp, member, now));
        const change = corp.groupChats.addMembers(params.chatId, members);
        const event = chatUpdatedEvent(context(corp, now), params.chatId, 'add_member', {
          scene: callbackJoinScene(members),
          ...change,
        });
        const delivery = change.changed.length
          ? await emitter.emitExternalEvent(corp, event, query.mode)
          : null;
        res.json({ group_chat: groupChatView(change.chat, true, corp), delivery });
      },
    ),
  );

  router.delete(
    '/corps/:corpId/group-chats/:chatId/members',
    withInput(
      { params: chatParamsSchema, query: deliveryModeQuerySchema, body: removeMembersSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const at = timeOf(body.at);
        const change = corp.groupChats.removeMembers(params.chatId, body.userids, at);
        const event = chatUpdatedEvent(context(corp, at), params.chatId, 'del_member', {
          scene: body.quit_scene,
          ...change,
        });
        const delivery = change.changed.length
          ? await emitter.emitExternalEvent(corp, event, query.mode)
          : null;
        res.json({ group_chat: groupChatView(change.chat, true, corp), delivery });
      },
    ),
  );

  router.patch(
    '/corps/:corpId/group-chats/:chatId',
    withInput(
      { params: chatParamsSchema, query: deliveryModeQuerySchema, body: updateChatSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const at = timeOf(body.at);
        let detail: ChatUpdateDetail;
        let chat;
        if (body.name !== undefined) {
          chat = corp.groupChats.rename(params.chatId, body.name);
          detail = 'change_name';
        } else if (body.owner !== undefined) {
          const owner = corp.contacts.members.get(body.owner).userid;
          chat = corp.groupChats.changeOwner(params.chatId, owner, at);
          detail = 'change_owner';
        } else {
          chat = corp.groupChats.changeNotice(params.chatId, body.notice ?? '');
          detail = 'change_notice';
        }
        const delivery = await emitter.emitExternalEvent(
          corp,
          chatUpdatedEvent(context(corp, at), params.chatId, detail),
          query.mode,
        );
        res.json({ group_chat: groupChatView(chat, true, corp), delivery });
      },
    ),
  );

  router.delete(
    '/corps/:corpId/group-chats/:chatId',
    withInput(
      { params: chatParamsSchema, query: datedDeliveryQuerySchema },
      async ({ params, query }, res) => {
        const corp = requireCorp(state, params.corpId);
        const at = timeOf(query.at);
        corp.groupChats.dismiss(params.chatId, at);
        res.json({
          delivery: await emitter.emitExternalEvent(
            corp,
            chatDismissedEvent(context(corp, at), params.chatId),
            query.mode,
          ),
        });
      },
    ),
  );

  router.get(
    '/corps/:corpId/corp-tags',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      res.json({ tag_group: requireCorp(state, params.corpId).corpTags.list() });
    }),
  );

  // A new group is announced as one tag_group create; tags added to an existing group each as a tag create.
  router.post(
    '/corps/:corpId/corp-tags',
    withInput(
      { params: corpParamsSchema, query: deliveryModeQuerySchema, body: addTagsSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const existed = new Set(corp.corpTags.list().map((group) => group.group_id));
        const group = corp.corpTags.add(body);
        const events = existed.has(group.group_id)
          ? group.tag.map((tag) => tagEvent(context(corp), 'create', tag.id, 'tag'))
          : [tagEvent(context(corp), 'create', group.group_id, 'tag_group')];
        const deliveries = [];
        for (const event of events) deliveries.push(await emitter.emitExternalEvent(corp, event, query.mode));
        res.status(201).json({ tag_group: group, deliveries });
      },
    ),
  );

  router.patch(
    '/corps/:corpId/corp-tags/:id',
    withInput(
      { params: tagParamsSchema, query: deliveryModeQuerySchema, body: editTagSchema },
      async ({ params, query, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const edited = corp.corpTags.edit(params.id, body);
        const event = tagEvent(context(corp), 'update', params.id, edited.kind);
        res.json({ delivery: await emitter.emitExternalEvent(corp, event, query.mode) });
      },
    ),
  );

  // Deleting a group does not announce its tags one by one (API.md §14.4).
  router.delete(
    '/corps/:corpId/corp-tags/:id',
    withInput({ params: tagParamsSchema, query: deliveryModeQuerySchema }, async ({ params, query }, res) => {
      const corp = requireCorp(state, params.corpId);
      const isGroup = corp.corpTags.isGroup(params.id);
      const deleted = isGroup ? corp.corpTags.delete([], [params.id]) : corp.corpTags.delete([params.id], []);
      corp.customers.dropTags(new Set(deleted.deletedTagIds));
      const event = tagEvent(context(corp), 'delete', params.id, isGroup ? 'tag_group' : 'tag');
      res.json({ deleted, delivery: await emitter.emitExternalEvent(corp, event, query.mode) });
    }),
  );

  router.get(
    '/corps/:corpId/app-messages',
    withInput(
      { params: corpParamsSchema, query: z.object({ touser: z.string().optional() }) },
      ({ params, query }, res) => {
        res.json({ messages: requireCorp(state, params.corpId).appMessages.list({ touser: query.touser }) });
      },
    ),
  );

  return router;
}
