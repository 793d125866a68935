/**
 * The 企业群发 client against the real simulator: a template created through the WeComClient, members
 * confirming part of it in their (simulated) client, and tasks and per-customer results read back page by
 * page; remind's and cancel's limits; WeCom's 41063 right after creation.
 */
import { WeComClient, type WeComCredentials } from '../../lib/wecom/client';
import { WeComApiError } from '../../lib/wecom/errors';
import {
  createMassSendApi,
  GROUP_MSG_RESULT_LIMIT,
  type GroupMsgSendResult,
  type MassSendApi,
} from '../../lib/wecom/mass-send-api';
import { populateCorp, simulator, type SimCorp } from '../support/sim-client';
import { stackEnv } from '../support/stack-env';

async function sim<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stackEnv.wecomApiBase}/sim/corps/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

interface SimTemplate {
  msgid: string;
  reminders: Array<{ at: number; userids: string[] }>;
}

const text = { content: '双十二会员日：全场八折' };

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Tries `read` until WeCom stops answering 41063 (the simulator dispatches for a second here). */
async function whenDispatched<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof WeComApiError && error.errcode === 41063) || attempt > 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('the mass-send client against the simulator', () => {
  let corp: SimCorp;
  let credentials: WeComCredentials;
  let massSend: MassSendApi;
  /** staff001's customers; the first is also staff002's. */
  let customers: string[];

  beforeAll(async () => {
    corp = await simulator.createCorp('群发测试企业');
    await populateCorp(corp.corpId, 3);
    customers = [];
    for (let i = 0; i < 4; i += 1) {
      const added = await simulator.addCustomer(corp.corpId, { userid: 'staff001', name: `客户${i}` });
      customers.push(added.customer.external_userid);
    }
    await simulator.addCustomer(corp.corpId, { userid: 'staff002', external_userid: customers[0] });
    expect((await sim('PUT', `${corp.corpId}/mass-sends/settings`, { dispatchSeconds: 1 })).status).toBe(200);
    credentials = {
      tenantId: 'mass-send-t',
      corpId: corp.corpId,
      secretKind: 'externalContact',
      secret: corp.secrets.externalContact,
    };
    massSend = createMassSendApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
  });

  it('creates a template, members confirm part of it, and tasks and results read back exactly', async () => {
    const created = await massSend.addMsgTemplate(credentials, {
      chat_type: 'single',
      sender: 'staff001',
      external_userid: [...customers, 'wmNoSuchCustomer0000000000000000'],
      text,
    });
    if (!created.created) throw new Error('expected a template');
    expect(created.failList).toEqual(['wmNoSuchCustomer0000000000000000']);

    // Right after creation WeCom is still dispatching: a transient error, to be tried again.
    const early = await massSend.taskPage(credentials, created.msgid).catch((error: unknown) => error);
    expect(early).toMatchObject({ errcode: 41063, retryable: true });

    const pending = await whenDispatched(() => collect(massSend.tasks(credentials, created.msgid)));
    expect(pending).toEqual([{ userid: 'staff001', sent: false }]);

    // The simulator's clock, which other suites may have moved forward: the member sends a second after creation.
    const { template } = (
      await sim<{ template: { create_time: number } }>('GET', `${corp.corpId}/mass-sends/${created.msgid}`)
    ).body;
    const sentAt = template.create_time + 1;
    const confirmed = await sim('POST', `${corp.corpId}/mass-sends/${created.msgid}/tasks/staff001/send`, {
      recipients: customers.slice(0, 2),
      at: sentAt,
    });
    expect(confirmed.status).toBe(200);

    expect(await collect(massSend.tasks(credentials, created.msgid))).toEqual([
      { userid: 'staff001', sent: true, sendTime: sentAt },
    ]);
    expect(await collect(massSend.sendResults(credentials, created.msgid, 'staff001'))).toEqual([
      { recipientId: customers[0], userid: 'staff001', status: 1, sendTime: sentAt },
      { recipientId: customers[1], userid: 'staff001', status: 1, sendTime: sentAt },
      { recipientId: customers[2], userid: 'staff001', status: 0 },
      { recipientId: customers[3], userid: 'staff001', status: 0 },
    ]);

    // The send is listed (create_time comes as a string and is read as a number), across month windows.
    const listed = await collect(
      massSend.groupMsgs(credentials, {
        chatType: 'single',
        startTime: sentAt - 86_400,
        endTime: sentAt + 40 * 86_400,
        filterType: 0,
      }),
    );
    expect(listed).toEqual([
      { msgid: created.msgid, createTime: expect.any(Number), createType: 0, text, attachments: [] },
    ]);
    expect(listed[0].createTime).toBeGreaterThan(sentAt - 60);
  });

  it('reads every page of a result list longer than one page', async () => {
    const many: string[] = [];
    const total = GROUP_MSG_RESULT_LIMIT + 5;
    for (let start = 0; start < total; start += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, total - start) }, (_, i) =>
          simulator.addCustomer(corp.corpId, { userid: 'staff003', name: `批量客户${start + i}` }),
        ),
      );
      many.push(...batch.map((added) => added.customer.external_userid));
    }
    const created = await massSend.addMsgTemplate(credentials, {
      chat_type: 'single',
      sender: 'staff003',
      text,
    });
    if (!created.created) throw new Error('expected a template');
    await whenDispatched(() => massSend.taskPage(credentials, created.msgid));
    await sim('POST', `${corp.corpId}/mass-sends/${created.msgid}/tasks/staff003/send`, {});

    const first = await massSend.sendResultPage(credentials, created.msgid, 'staff003');
    expect(first.items).toHaveLength(GROUP_MSG_RESULT_LIMIT);
    expect(first.nextCursor).not.toBe('');
    const all: GroupMsgSendResult[] = await collect(
      massSend.sendResults(credentials, created.msgid, 'staff003'),
    );
    expect(all.map((row) => row.recipientId).sort()).toEqual([...many].sort());
    expect(all.every((row) => row.status === 1)).toBe(true);
  });

  it('answers "nobody reachable" instead of failing when no listed customer can be sent to', async () => {
    const outcome = await massSend.addMsgTemplate(credentials, {
      chat_type: 'single',
      sender: 'staff002',
      external_userid: [customers[1]],
      text,
    });
    expect(outcome).toEqual({ created: false, reason: 'nobody-reachable' });
  });

  it('refuses a list beyond 10,000 customers before calling WeCom', async () => {
    const tooMany = Array.from({ length: 10_001 }, (_, i) => `wm${i}`);
    await expect(
      massSend.addMsgTemplate(credentials, { chat_type: 'single', external_userid: tooMany, text }),
    ).rejects.toThrow(RangeError);
  });

  it('reminds the members who have not sent at most 3 times in 24 hours, and cancel keeps what was sent', async () => {
    const created = await massSend.addMsgTemplate(credentials, {
      chat_type: 'single',
      external_userid: customers,
      text,
    });
    if (!created.created) throw new Error('expected a template');
    // Without a sender the shared customer goes to staff002, who added them last.
    const tasks = await whenDispatched(() => collect(massSend.tasks(credentials, created.msgid)));
    expect(tasks.map((task) => task.userid).sort()).toEqual(['staff001', 'staff002']);
    await sim('POST', `${corp.corpId}/mass-sends/${created.msgid}/tasks/staff002/send`, {});

    for (let i = 0; i < 3; i += 1) expect(await massSend.remind(credentials, created.msgid)).toBe('reminded');
    expect(await massSend.remind(credentials, created.msgid)).toBe('limit-reached');
    const template = await sim<{ template: SimTemplate }>(
      'GET',
      `${corp.corpId}/mass-sends/${created.msgid}`,
    );
    expect(template.body.template.reminders.map((reminder) => reminder.userids)).toEqual([
      ['staff001'],
      ['staff001'],
      ['staff001'],
    ]);

    await massSend.cancel(credentials, created.msgid);
    await massSend.cancel(credentials, created.msgid);
    const late = await sim('POST', `${corp.corpId}/mass-sends/${created.msgid}/tasks/staff001/send`, {});
    expect(late.status).toBe(409);
    const results = await collect(massSend.sendResults(credentials, created.msgid, 'staff002'));
    expect(results).toEqual([
      { recipientId: customers[0], userid: 'staff002', status: 1, sendTime: expect.any(Number) },
    ]);
    expect(
      (await collect(massSend.sendResults(credentials, created.msgid, 'staff001'))).every(
        (r) => r.status === 0,
      ),
    ).toBe(true);

    // One template per sender: the scenario API counts them, as the exactly-once tests will.
    const counts = await sim<{ perSender: Record<string, number> }>('GET', `${corp.corpId}/mass-sends`);
    expect(counts.body.perSender).toEqual({ staff001: 2, staff002: 1, staff003: 1 });
  });
});
