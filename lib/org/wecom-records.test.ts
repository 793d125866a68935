import { runInNewContext } from 'node:vm';
import { holdsFields, staffFields } from './wecom-records';

describe('holdsFields', () => {
  const fields = staffFields({ userid: 'lina', name: '李娜', department: [2, 3], position: '销售' });

  it('holds what was written from the same member', () => {
    expect(holdsFields({ _id: 'x', systemEnabled: true, ...fields }, fields)).toBe(true);
  });

  it('treats a missing field like an undefined one (mainDepartment of a member without departments)', () => {
    const fields = staffFields({ userid: 'x', name: '新人', department: [] });
    const stored: Record<string, unknown> = { ...fields };
    delete stored.mainDepartment;
    expect(holdsFields(stored, fields)).toBe(true);
  });

  it('sees a changed value, a changed department order, and a field never written', () => {
    expect(holdsFields({ ...fields, position: '经理' }, fields)).toBe(false);
    expect(holdsFields({ ...fields, departmentIds: [3, 2] }, fields)).toBe(false);
    const withoutAlias: Record<string, unknown> = { ...fields };
    delete withoutAlias.alias;
    expect(holdsFields(withoutAlias, { ...fields, alias: '小李' })).toBe(false);
  });

  it('compares arrays by their elements, not their prototype (a parsed response’s against the driver’s)', () => {
    const foreign = runInNewContext('[2, 3]') as number[];
    expect(Object.getPrototypeOf(foreign)).not.toBe(Array.prototype);
    expect(holdsFields({ ...fields, departmentIds: foreign }, fields)).toBe(true);
  });
});
