import { syncableFields } from './pending-fields';

const wecom = { name: 'WeCom 名', mobile: '13900000000', departmentIds: [2] };

describe('what a sync may overwrite while a local edit is pending', () => {
  it('everything when nothing is pending, or when the last write-back failed (WeCom is the truth then)', () => {
    expect(syncableFields(wecom, undefined)).toEqual(wecom);
    expect(syncableFields(wecom, { status: 'failed', op: 'update', fields: ['name'] })).toEqual(wecom);
  });

  it('every field but the ones with a pending edit', () => {
    expect(
      syncableFields(wecom, { status: 'pending', op: 'update', fields: ['name', 'departmentIds'] }),
    ).toEqual({
      mobile: '13900000000',
    });
  });

  it('nothing at all while a delete is pending', () => {
    expect(syncableFields(wecom, { status: 'pending', op: 'delete', fields: [] })).toBeUndefined();
  });
});
