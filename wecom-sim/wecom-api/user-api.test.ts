import request from 'supertest';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let token: string;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('contacts');
});

function get(path: string, query: Record<string, string | number>, accessToken = token) {
  return request(sim.app)
    .get(`/cgi-bin/user/${path}`)
    .query({ access_token: accessToken, ...query });
}

function post(path: string, body: unknown) {
  return request(sim.app)
    .post(`/cgi-bin/user/${path}`)
    .query({ access_token: token })
    .send(body as object);
}

const newMember = {
  userid: 'xiaoming',
  name: '小明',
  department: [5, 10],
  mobile: '13700001111',
  email: 'xiaoming@wofeng.example.com',
  position: '实习生',
  gender: '1',
};

describe('user/get', () => {
  it('returns every documented field to the contact-sync secret', async () => {
    const response = await get('get', { userid: 'lina' });
    expect(response.body).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      userid: 'lina',
      name: '李娜',
      department: [3, 4],
      order: [0, 0],
      is_leader_in_dept: [1, 1],
      main_department: 3,
      direct_leader: ['zhangwei'],
      position: '华东区经理',
      mobile: '15821937746',
      gender: '2',
      email: 'lina@wofeng.example.com',
      status: 1,
      extattr: { attrs: [] },
    });
    for (const field of [
      'biz_mail',
      'avatar',
      'thumb_avatar',
      'telephone',
      'alias',
      'address',
      'open_userid',
      'qr_code',
    ]) {
      expect(response.body).toHaveProperty(field);
    }
  });

  it('withholds mobile, email, gender, avatar and address from an app secret', async () => {
    const response = await get('get', { userid: 'lina' }, await sim.tokenFor('app'));
    expect(response.body).toMatchObject({ errcode: 0, userid: 'lina', name: '李娜', department: [3, 4] });
    for (const field of [
      'mobile',
      'email',
      'gender',
      'avatar',
      'thumb_avatar',
      'biz_mail',
      'qr_code',
      'address',
    ]) {
      expect(response.body).not.toHaveProperty(field);
    }
  });

  it('shows disabled (2) and not-yet-activated (4) members by status', async () => {
    expect((await get('get', { userid: 'fengyu' })).body.status).toBe(2);
    expect((await get('get', { userid: 'zhouting' })).body.status).toBe(4);
  });

  it('finds a member whatever the userid casing', async () => {
    expect((await get('get', { userid: 'LiNa' })).body.userid).toBe('lina');
  });

  it('answers 60111 with empty lists for an unknown userid', async () => {
    expect((await get('get', { userid: 'nobody' })).body).toMatchObject({
      errcode: 60111,
      department: [],
      order: [],
    });
  });
});

describe('user/simplelist and user/list', () => {
  it('lists the members directly in a department', async () => {
    const response = await get('simplelist', { department_id: 4 });
    expect(response.body.userlist.map((user: { userid: string }) => user.userid).sort()).toEqual([
      'lina',
      'majing',
      'pengfei',
    ]);
    expect(response.body.userlist[0]).toEqual({
      userid: expect.any(String),
      name: expect.any(String),
      department: expect.any(Array),
      open_userid: expect.any(String),
    });
  });

  it('includes sub-departments with fetch_child=1, listing each member once', async () => {
    const response = await get('simplelist', { department_id: 3, fetch_child: 1 });
    const userids: string[] = response.body.userlist.map((user: { userid: string }) => user.userid);
    expect(userids).toHaveLength(new Set(userids).size);
    expect(userids).toEqual(
      expect.arrayContaining(['lina', 'liuyang', 'chenjing', 'zhaomin', 'wuhao', 'xujing']),
    );
    expect(userids).not.toContain('sunpeng');
  });

  it('gives full member details in user/list', async () => {
    const response = await get('list', { department_id: 9 });
    expect(response.body.userlist).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userid: 'hulin', mobile: '18926753308', status: 1 }),
      ]),
    );
  });

  it('answers the current doc’s fields only: is_leader_in_dept aligned with department, no legacy fields', async () => {
    // The current user/get and user/list pages no longer return enable (a create/update input only), isleader
    // (now is_leader_in_dept), hide_mobile or english_name (now alias), to any app.
    for (const kind of ['contacts', 'app'] as const) {
      const response = await get('list', { department_id: 1, fetch_child: 1 }, await sim.tokenFor(kind));
      expect(response.body.userlist.length).toBeGreaterThan(20);
      for (const user of response.body.userlist) {
        expect(user.is_leader_in_dept).toHaveLength(user.department.length);
        expect(user.order).toHaveLength(user.department.length);
        for (const legacy of ['enable', 'isleader', 'hide_mobile', 'english_name'])
          expect(user).not.toHaveProperty(legacy);
      }
    }
    const sunpeng = (await get('get', { userid: 'sunpeng' })).body;
    expect(sunpeng).toMatchObject({ department: [8, 9], is_leader_in_dept: [1, 1] });
    expect(sunpeng).not.toHaveProperty('isleader');
  });

  it('answers 60003 with an empty userlist for an unknown department', async () => {
    expect((await get('list', { department_id: 99 })).body).toMatchObject({ errcode: 60003, userlist: [] });
  });
});

describe('user/list_id', () => {
  it('pages through one row per (member, department) with opaque cursors', async () => {
    const rows: Array<{ userid: string; department: number }> = [];
    let cursor: string | undefined;
    do {
      const response = await post('list_id', { limit: 7, ...(cursor ? { cursor } : {}) });
      expect(response.body.errcode).toBe(0);
      rows.push(...response.body.dept_user);
      cursor = response.body.next_cursor;
    } while (cursor);
    expect(rows).toHaveLength(35); // 30 members, 5 of them in two departments
    expect(rows).toContainEqual({ userid: 'lina', department: 3 });
    expect(rows).toContainEqual({ userid: 'lina', department: 4 });
  });

  it('rejects a cursor it did not issue (50100) and a limit out of range (40058)', async () => {
    expect((await post('list_id', { cursor: 'garbage' })).body).toMatchObject({
      errcode: 50100,
      dept_user: [],
    });
    expect((await post('list_id', { limit: 10001 })).body.errcode).toBe(40058);
  });
});

describe('user/create', () => {
  it('answers "created"; the new member has not joined yet (status 4)', async () => {
    expect((await post('create', newMember)).body).toEqual({ errcode: 0, errmsg: 'created' });
    expect((await get('get', { userid: 'xiaoming' })).body).toMatchObject({
      department: [5, 10],
      order: [0, 0],
      is_leader_in_dept: [0, 0],
      main_department: 5,
      status: 4,
      gender: '1',
    });
  });

  it('accepts a member reachable by email only', async () => {
    expect((await post('create', { ...newMember, mobile: undefined })).body.errcode).toBe(0);
  });

  it.each([
    ['userid is missing', { userid: undefined }, 41009],
    ['userid has an illegal character', { userid: 'xiao ming' }, 40003],
    ['userid starts with a symbol', { userid: '_xiaoming' }, 40003],
    ['userid is longer than 64 bytes', { userid: 'a'.repeat(65) }, 40003],
    ['userid exists (ignoring case)', { userid: 'LINA' }, 60102],
    ['name is empty', { name: '' }, 60112],
    ['name is longer than 64 characters', { name: '名'.repeat(65) }, 60112],
    ['department is missing', { department: undefined }, 41019],
    ['a department does not exist', { department: [5, 404] }, 60123],
    ['mobile and email are both empty', { mobile: '', email: undefined }, 60129],
    ['mobile is malformed', { mobile: '138-0013x' }, 60103],
    ['mobile belongs to someone else', { mobile: '13800138000' }, 60104],
    ['email is malformed', { email: 'not-an-email' }, 60105],
    ['email belongs to someone else', { email: 'LINA@wofeng.example.com' }, 60106],
    ['is_leader_in_dept does not match department', { is_leader_in_dept: [1] }, 60132],
    ['order does not match department', { order: [1, 2, 3] }, 40058],
    ['gender is not 0, 1 or 2', { gender: '3' }, 40058],
    ['a direct leader is not a member', { direct_leader: ['ghost'] }, 40003],
    ['a field has the wrong type', { department: '5' }, 40058],
  ])('refuses when %s', async (_case, override, errcode) => {
    expect((await post('create', { ...newMember, ...override })).body.errcode).toBe(errcode);
  });
});

describe('user/update', () => {
  it('answers "updated" and replaces arrays', async () => {
    expect(
      (await post('update', { userid: 'chenjing', department: [6], position: '资深销售' })).body,
    ).toEqual({
      errcode: 0,
      errmsg: 'updated',
    });
    expect((await get('get', { userid: 'chenjing' })).body).toMatchObject({
      department: [6],
      main_department: 6,
      position: '资深销售',
    });
  });

  it('keeps per-department leadership for departments the member stays in', async () => {
    await post('update', { userid: 'lina', department: [4, 7] });
    expect((await get('get', { userid: 'lina' })).body.is_leader_in_dept).toEqual([1, 0]);
  });

  it.each([
    ['the userid is unknown', { userid: 'nobody', name: 'x' }, 60111],
    ['the userid is missing', { name: 'x' }, 60111],
    ['the new mobile belongs to someone else', { userid: 'lina', mobile: '13800138000' }, 60104],
    ['it would clear both mobile and email', { userid: 'lina', mobile: '', email: '' }, 60129],
    ['a department does not exist', { userid: 'lina', department: [404] }, 60123],
  ])('refuses when %s', async (_case, body, errcode) => {
    expect((await post('update', body)).body.errcode).toBe(errcode);
  });
});

describe('user/delete and user/batchdelete', () => {
  it('answers "deleted" and removes the member', async () => {
    expect((await get('delete', { userid: 'xieyun' })).body).toEqual({ errcode: 0, errmsg: 'deleted' });
    expect((await get('get', { userid: 'xieyun' })).body.errcode).toBe(60111);
  });

  it('removes a deleted leader from the direct_leader of their reports', async () => {
    await get('delete', { userid: 'liuyang' });
    expect((await get('get', { userid: 'chenjing' })).body.direct_leader).toEqual([]);
  });

  it('answers 60111 for an unknown userid', async () => {
    expect((await get('delete', { userid: 'nobody' })).body.errcode).toBe(60111);
  });

  it('deletes a batch', async () => {
    expect((await post('batchdelete', { useridlist: ['songjia', 'zhenghao'] })).body).toEqual({
      errcode: 0,
      errmsg: 'deleted',
    });
    expect((await get('get', { userid: 'songjia' })).body.errcode).toBe(60111);
  });

  it('deletes nothing when one userid in the batch is unknown', async () => {
    expect((await post('batchdelete', { useridlist: ['songjia', 'nobody'] })).body.errcode).toBe(60111);
    expect((await get('get', { userid: 'songjia' })).body.errcode).toBe(0);
  });

  it('refuses more than 200 userids (40032)', async () => {
    const useridlist = Array.from({ length: 201 }, (_unused, index) => `user${index}`);
    expect((await post('batchdelete', { useridlist })).body.errcode).toBe(40032);
  });
});
