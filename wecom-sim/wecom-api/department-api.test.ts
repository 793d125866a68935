import request from 'supertest';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let token: string;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('contacts');
});

function get(path: string, query: Record<string, string | number> = {}) {
  return request(sim.app)
    .get(`/cgi-bin/department/${path}`)
    .query({ access_token: token, ...query });
}

function post(path: string, body: unknown) {
  return request(sim.app)
    .post(`/cgi-bin/department/${path}`)
    .query({ access_token: token })
    .send(body as object);
}

describe('department/list and simplelist', () => {
  it('lists every department from the root, parents before children', async () => {
    const response = await get('list');
    expect(response.body.errcode).toBe(0);
    const ids = response.body.department.map((department: { id: number }) => department.id);
    expect(ids[0]).toBe(1);
    expect(ids).toHaveLength(13);
    expect(ids.indexOf(4)).toBeLessThan(ids.indexOf(5));
  });

  it('lists a subtree with id, including the department itself', async () => {
    const response = await get('list', { id: 3 });
    expect(response.body.department.map((department: { id: number }) => department.id)).toEqual([
      3, 4, 5, 6, 7,
    ]);
    expect(response.body.department[0]).toEqual({
      id: 3,
      name: '华东区',
      department_leader: ['lina'],
      parentid: 2,
      order: 2000,
    });
  });

  it('answers 60003 with an empty list for an unknown subtree', async () => {
    expect((await get('list', { id: 999 })).body).toMatchObject({ errcode: 60003, department: [] });
  });

  it('gives only id, parentid and order in simplelist', async () => {
    const response = await get('simplelist', { id: 8 });
    expect(response.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      department_id: [
        { id: 8, parentid: 2, order: 1000 },
        { id: 9, parentid: 8, order: 1000 },
      ],
    });
  });
});

describe('department/get', () => {
  it('returns one department with its leaders and English name', async () => {
    const response = await get('get', { id: 2 });
    expect(response.body.department).toEqual({
      id: 2,
      name: '销售部',
      name_en: 'Sales',
      department_leader: ['zhangwei'],
      parentid: 1,
      order: 5000,
    });
  });

  it('answers 60003 for an unknown or missing id', async () => {
    expect((await get('get', { id: 404 })).body.errcode).toBe(60003);
    expect((await get('get')).body.errcode).toBe(60003);
  });
});

describe('department/create', () => {
  it('answers "created" with the next free id', async () => {
    const response = await post('create', { name: '北京分部', parentid: 3, order: 10 });
    expect(response.body).toEqual({ errcode: 0, errmsg: 'created', id: 14 });
    expect((await get('get', { id: 14 })).body.department).toMatchObject({
      name: '北京分部',
      parentid: 3,
      order: 10,
    });
  });

  it('uses the id the caller chose', async () => {
    expect((await post('create', { id: 500, name: '特别项目组', parentid: 1 })).body).toMatchObject({
      id: 500,
    });
  });

  it.each([
    ['the name is empty', { name: '', parentid: 1 }, 60001],
    ['the name is longer than 32 characters', { name: '部'.repeat(33), parentid: 1 }, 60001],
    ['the name has an illegal character', { name: '销售:二部', parentid: 1 }, 60009],
    ['the name has a full-width bar', { name: '销售｜二部', parentid: 1 }, 60009],
    ['a sibling already has the name', { name: '华东区', parentid: 2 }, 60008],
    ['the id is taken', { id: 5, name: '新部门', parentid: 1 }, 60008],
    ['the parent does not exist', { name: '新部门', parentid: 99 }, 60004],
    ['parentid is missing', { name: '新部门' }, 60004],
    ['a field has the wrong type', { name: '新部门', parentid: '1' }, 40058],
  ])('refuses when %s', async (_case, body, errcode) => {
    expect((await post('create', body)).body.errcode).toBe(errcode);
  });

  it('allows the same name under a different parent', async () => {
    expect((await post('create', { name: '一组', parentid: 7 })).body.errcode).toBe(0);
  });

  it('refuses a 16th level (81002)', async () => {
    let parentid = 5; // level 5
    for (let level = 6; level <= 15; level += 1) {
      const created = await post('create', { name: `第${level}层`, parentid });
      expect(created.body.errcode).toBe(0);
      parentid = created.body.id;
    }
    expect((await post('create', { name: '第16层', parentid })).body.errcode).toBe(81002);
  });
});

describe('department/update', () => {
  it('answers "updated" and applies the change', async () => {
    expect((await post('update', { id: 7, name: '杭州中心', order: 3000 })).body).toEqual({
      errcode: 0,
      errmsg: 'updated',
    });
    expect((await get('get', { id: 7 })).body.department).toMatchObject({ name: '杭州中心', order: 3000 });
  });

  it('moves a department under another parent', async () => {
    await post('update', { id: 9, parentid: 3 });
    expect((await get('get', { id: 9 })).body.department.parentid).toBe(3);
  });

  it.each([
    ['the department is unknown', { id: 99, name: 'x' }, 60003],
    ['it would sit below itself', { id: 2, parentid: 5 }, 60010],
    ['it would be its own parent', { id: 3, parentid: 3 }, 60010],
    ['the new parent does not exist', { id: 3, parentid: 77 }, 60004],
    ['a sibling has the new name', { id: 7, name: '上海分部' }, 60008],
    ['the new name has an illegal character', { id: 7, name: 'a*b' }, 60009],
  ])('refuses when %s', async (_case, body, errcode) => {
    expect((await post('update', body)).body.errcode).toBe(errcode);
  });
});

describe('department/delete', () => {
  it('answers "deleted" for an empty leaf department', async () => {
    const created = await post('create', { name: '临时组', parentid: 1 });
    expect((await get('delete', { id: created.body.id })).body).toEqual({ errcode: 0, errmsg: 'deleted' });
    expect((await get('get', { id: created.body.id })).body.errcode).toBe(60003);
  });

  it.each([
    ['the root', 1, 60007],
    ['a department with children', 4, 60006],
    ['a department with members', 5, 60005],
    ['an unknown department', 404, 60003],
  ])('refuses to delete %s', async (_case, id, errcode) => {
    expect((await get('delete', { id })).body.errcode).toBe(errcode);
  });
});
