import { staffScopeFilter, staffScopeRule } from './data-scope';

// 1 root → 2 销售部 → 4 销售一组, 5 销售二组; 1 → 3 研发部 → 6 前端组
const DEPARTMENTS = [
  { deptId: 1, parentId: 0 },
  { deptId: 2, parentId: 1 },
  { deptId: 3, parentId: 1 },
  { deptId: 4, parentId: 2 },
  { deptId: 5, parentId: 2 },
  { deptId: 6, parentId: 3 },
];
const caller = { userid: 'zhangsan', departmentIds: [2] };
const role = (dataScope: 'self' | 'department' | 'all' | 'custom', custom = {}) => ({
  dataScope,
  customDepartmentIds: [],
  customUserids: [],
  ...custom,
});

describe('数据权限 rule', () => {
  it('全部 sees everyone', () => {
    expect(staffScopeRule(role('all'), caller, DEPARTMENTS)).toEqual({ all: true });
  });

  it('只看本人 sees only the caller', () => {
    expect(staffScopeRule(role('self'), caller, DEPARTMENTS)).toEqual({
      all: false,
      departmentIds: [],
      userids: ['zhangsan'],
    });
  });

  it('本部门及以下 sees the caller’s departments and every department below them, not their siblings', () => {
    const rule = staffScopeRule(role('department'), caller, DEPARTMENTS);
    expect(rule.all).toBe(false);
    if (rule.all) return;
    expect(rule.departmentIds.sort()).toEqual([2, 4, 5]);
    expect(rule.userids).toEqual(['zhangsan']);
  });

  it('本部门及以下 for someone in two departments covers both subtrees', () => {
    const rule = staffScopeRule(role('department'), { userid: 'li', departmentIds: [4, 3] }, DEPARTMENTS);
    expect(rule.all ? [] : rule.departmentIds.sort()).toEqual([3, 4, 6]);
  });

  it('本部门及以下 for someone in no department still sees themselves', () => {
    const rule = staffScopeRule(role('department'), { userid: 'wang', departmentIds: [] }, DEPARTMENTS);
    expect(rule).toEqual({ all: false, departmentIds: [], userids: ['wang'] });
  });

  it('自定义 sees the chosen departments with their sub-departments, the chosen staff, and the caller', () => {
    const rule = staffScopeRule(
      role('custom', { customDepartmentIds: [3], customUserids: ['zhaoliu', 'zhangsan'] }),
      caller,
      DEPARTMENTS,
    );
    expect(rule.all).toBe(false);
    if (rule.all) return;
    expect(rule.departmentIds.sort()).toEqual([3, 6]);
    expect(rule.userids.sort()).toEqual(['zhangsan', 'zhaoliu']);
  });
});

describe('staffScopeFilter', () => {
  it('adds nothing for 全部 and an $in on the given field otherwise (customers: any adder in scope)', () => {
    expect(staffScopeFilter({ all: true }, 'userid')).toEqual({});
    expect(staffScopeFilter({ all: false, userids: ['a', 'b'] }, 'adders.userid')).toEqual({
      'adders.userid': { $in: ['a', 'b'] },
    });
  });
});
