import request from 'supertest';
import { DEMO_CORP_ID } from '../seed/demo-corp';
import {
  productLikeAnswer,
  startCallbackReceiver,
  type CallbackReceiver,
} from '../test-support/callback-receiver';
import { readEventDelivery } from '../test-support/event-reader';
import { createHarness, TEST_CALLBACK_KEYS, type SimHarness } from '../test-support/sim-harness';

const CORP = `/sim/corps/${DEMO_CORP_ID}`;

let sim: SimHarness;
let receiver: CallbackReceiver;

async function configureCallback(memberEventFields?: 'all' | 'idAndDepartment') {
  await request(sim.app)
    .put(`${CORP}/callbacks/contacts`)
    .send({ url: receiver.url, ...TEST_CALLBACK_KEYS, ...(memberEventFields ? { memberEventFields } : {}) })
    .expect(200);
}

beforeEach(async () => {
  sim = createHarness();
  receiver = await startCallbackReceiver((req) => productLikeAnswer(TEST_CALLBACK_KEYS, req));
  await configureCallback();
});

afterEach(async () => {
  await receiver.close();
});

/** The decrypted change_contact events the product received, in order. */
function receivedEvents(): Array<Record<string, unknown>> {
  return receiver.requests
    .filter((req) => req.method === 'POST')
    .map((req) => readEventDelivery(TEST_CALLBACK_KEYS, req).event);
}

const ENVELOPE = { ToUserName: DEMO_CORP_ID, FromUserName: 'sys', MsgType: 'event', Event: 'change_contact' };

describe('admin-console member changes emit change_contact', () => {
  it('create_user carries the member fields', async () => {
    const before = sim.state.clock.nowSeconds();
    const response = await request(sim.app)
      .post(`${CORP}/users`)
      .send({
        userid: 'xiaoming',
        name: '小明',
        department: [5, 10],
        is_leader_in_dept: [1, 0],
        direct_leader: ['liuyang'],
        mobile: '13700001111',
        email: 'xiaoming@wofeng.example.com',
        position: '销售代表',
        gender: '1',
        extattr: { attrs: [{ type: 0, name: '爱好', text: { value: '旅游' } }] },
      });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ userid: 'xiaoming', status: 1 });
    expect(response.body.delivery).toMatchObject({ status: 'delivered', changeType: 'create_user' });

    const [event] = receivedEvents();
    expect(event).toMatchObject({
      ...ENVELOPE,
      ChangeType: 'create_user',
      UserID: 'xiaoming',
      Name: '小明',
      Department: '5,10',
      MainDepartment: '5',
      IsLeaderInDept: '1,0',
      DirectLeader: 'liuyang',
      Position: '销售代表',
      Mobile: '13700001111',
      Gender: '1',
      Email: 'xiaoming@wofeng.example.com',
      Status: '1',
      ExtAttr: { Item: [{ Name: '爱好', Type: '0', Text: { Value: '旅游' } }] },
    });
    // The event is stamped when it is made, which may be a second boundary before the assertion.
    expect(Number(event.CreateTime)).toBeGreaterThanOrEqual(before);
    expect(Number(event.CreateTime)).toBeLessThanOrEqual(sim.state.clock.nowSeconds());
  });

  it('update_user carries only the fields that changed', async () => {
    await request(sim.app)
      .patch(`${CORP}/users/chenjing`)
      .send({ position: '资深销售', mobile: '13700002222' })
      .expect(200);
    const [event] = receivedEvents();
    expect(event).toEqual({
      ...ENVELOPE,
      CreateTime: expect.any(String),
      ChangeType: 'update_user',
      UserID: 'chenjing',
      Position: '资深销售',
      Mobile: '13700002222',
    });
  });

  it('update_user names the new userid in NewUserID on a rename', async () => {
    const response = await request(sim.app).patch(`${CORP}/users/chenjing`).send({ new_userid: 'chenjing2' });
    expect(response.body.user.userid).toBe('chenjing2');
    const [event] = receivedEvents();
    expect(event).toMatchObject({ ChangeType: 'update_user', UserID: 'chenjing', NewUserID: 'chenjing2' });
    expect(event).not.toHaveProperty('Name');
  });

  it('update_user reports a status change from the console (e.g. disabling a member)', async () => {
    await request(sim.app).patch(`${CORP}/users/heli`).send({ status: 2 }).expect(200);
    expect(receivedEvents()[0]).toMatchObject({ ChangeType: 'update_user', UserID: 'heli', Status: '2' });
  });

  it('sends no update_user when nothing it reports changed', async () => {
    const response = await request(sim.app)
      .patch(`${CORP}/users/heli`)
      .send({ position: '品牌经理' })
      .expect(200);
    expect(response.body.delivery).toBeNull();
    expect(receivedEvents()).toEqual([]);
  });

  it('delete_user carries the userid', async () => {
    await request(sim.app).delete(`${CORP}/users/xieyun`).expect(200);
    expect(receivedEvents()).toEqual([
      { ...ENVELOPE, CreateTime: expect.any(String), ChangeType: 'delete_user', UserID: 'xieyun' },
    ]);
  });

  it('sends only UserID and Department to a callback configured for the post-2022 field set', async () => {
    await configureCallback('idAndDepartment');
    await request(sim.app)
      .post(`${CORP}/users`)
      .send({ userid: 'xiaoming', name: '小明', department: [5], mobile: '13700001111' })
      .expect(201);
    await request(sim.app).patch(`${CORP}/users/xiaoming`).send({ name: '王小明' }).expect(200);
    await request(sim.app)
      .patch(`${CORP}/users/xiaoming`)
      .send({ department: [6] })
      .expect(200);
    const events = receivedEvents();
    expect(events[0]).toEqual({
      ...ENVELOPE,
      CreateTime: expect.any(String),
      ChangeType: 'create_user',
      UserID: 'xiaoming',
      Department: '5',
    });
    expect(events[1]).toEqual({
      ...ENVELOPE,
      CreateTime: expect.any(String),
      ChangeType: 'update_user',
      UserID: 'xiaoming',
    });
    expect(events[2]).toMatchObject({ ChangeType: 'update_user', UserID: 'xiaoming', Department: '6' });
  });
});

describe('admin-console department changes emit change_contact', () => {
  it('create_party carries Id, Name, ParentId and Order', async () => {
    const response = await request(sim.app)
      .post(`${CORP}/departments`)
      .send({ name: '北京分部', parentid: 3, order: 500 });
    expect(response.status).toBe(201);
    expect(response.body.department).toMatchObject({ id: 14, name: '北京分部' });
    expect(receivedEvents()).toEqual([
      {
        ...ENVELOPE,
        CreateTime: expect.any(String),
        ChangeType: 'create_party',
        Id: '14',
        Name: '北京分部',
        ParentId: '3',
        Order: '500',
      },
    ]);
  });

  it('update_party carries the changed Name and ParentId only', async () => {
    await request(sim.app).patch(`${CORP}/departments/9`).send({ name: '深圳中心' }).expect(200);
    await request(sim.app).patch(`${CORP}/departments/9`).send({ parentid: 3 }).expect(200);
    const [renamed, moved] = receivedEvents();
    expect(renamed).toEqual({
      ...ENVELOPE,
      CreateTime: expect.any(String),
      ChangeType: 'update_party',
      Id: '9',
      Name: '深圳中心',
    });
    expect(moved).toEqual({
      ...ENVELOPE,
      CreateTime: expect.any(String),
      ChangeType: 'update_party',
      Id: '9',
      ParentId: '3',
    });
  });

  it('delete_party carries the Id', async () => {
    const created = await request(sim.app).post(`${CORP}/departments`).send({ name: '临时组', parentid: 1 });
    await request(sim.app).delete(`${CORP}/departments/${created.body.department.id}`).expect(200);
    expect(receivedEvents()[1]).toMatchObject({
      ChangeType: 'delete_party',
      Id: String(created.body.department.id),
    });
  });
});

describe('admin-console rules', () => {
  it.each([
    [
      'a duplicate mobile',
      'post',
      '/users',
      { userid: 'x1', name: '某人', department: [1], mobile: '13800138000' },
      409,
      60104,
    ],
    [
      'an unknown department',
      'post',
      '/users',
      { userid: 'x1', name: '某人', department: [99], mobile: '1' },
      400,
      60123,
    ],
    ['an unknown member', 'patch', '/users/nobody', { name: '某人' }, 404, 60111],
    ['deleting a department with members', 'delete', '/departments/5', undefined, 400, 60005],
    [
      'a sibling department with the same name',
      'post',
      '/departments',
      { name: '华东区', parentid: 2 },
      409,
      60008,
    ],
  ] as const)(
    'refuses %s with the WeCom errcode and sends nothing',
    async (_case, method, path, body, status, errcode) => {
      const response = await request(sim.app)[method](`${CORP}${path}`).send(body);
      expect(response.status).toBe(status);
      expect(response.body.errcode).toBe(errcode);
      expect(receivedEvents()).toEqual([]);
    },
  );

  it('answers 400 naming the field for a badly typed body', async () => {
    const response = await request(sim.app)
      .post(`${CORP}/users`)
      .send({ userid: 'x1', name: '某人', department: '1' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/department/);
  });

  it('answers 404 for an unknown corp', async () => {
    const response = await request(sim.app).delete('/sim/corps/ww0000000000000000/users/admin');
    expect(response.status).toBe(404);
    expect(response.body.error).toMatch(/corp ww0000000000000000 not found/);
  });
});

describe('API calls emit no callbacks', () => {
  it('creates, updates and deletes members and departments through /cgi-bin without a single event', async () => {
    const token = await sim.tokenFor('contacts');
    const api = (path: string) => request(sim.app).post(`/cgi-bin/${path}`).query({ access_token: token });
    expect((await api('department/create').send({ name: '接口部门', parentid: 1 })).body.errcode).toBe(0);
    expect((await api('department/update').send({ id: 14, name: '接口部门2' })).body.errcode).toBe(0);
    expect(
      (
        await api('user/create').send({
          userid: 'apiuser',
          name: '接口用户',
          department: [14],
          mobile: '13700009999',
        })
      ).body.errcode,
    ).toBe(0);
    expect((await api('user/update').send({ userid: 'apiuser', position: '测试' })).body.errcode).toBe(0);
    expect((await api('user/batchdelete').send({ useridlist: ['apiuser'] })).body.errcode).toBe(0);
    expect(
      (await request(sim.app).get('/cgi-bin/department/delete').query({ access_token: token, id: 14 })).body
        .errcode,
    ).toBe(0);

    expect(receiver.requests.filter((req) => req.method === 'POST')).toEqual([]);
    const log = await request(sim.app).get(`${CORP}/callbacks/deliveries`);
    expect(log.body.deliveries).toEqual([]);
  });
});
