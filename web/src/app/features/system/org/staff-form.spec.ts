import { emptyStaffFields, staffFieldErrors, staffPayload } from './staff-form';
import { StaffFields } from './org.models';

const valid = (): StaffFields => ({
  ...emptyStaffFields(3),
  name: '张三',
  userid: 'zhangsan',
  mobile: '13912340001',
  roleId: 'role-1',
});

describe('staff form rules (R-7.1.3)', () => {
  it('starts with the department selected in the tree (R-7.1.1-11)', () => {
    expect(emptyStaffFields(3).departmentIds).toEqual([3]);
    expect(emptyStaffFields(null).departmentIds).toEqual([]);
  });

  it('needs 姓名, 帐号, 手机, 部门 and 角色', () => {
    expect(staffFieldErrors(emptyStaffFields(null))).toEqual({
      name: '请输入姓名',
      userid: '请输入帐号',
      mobile: '请输入手机号',
      departmentIds: '请选择部门',
      roleId: '请选择角色',
    });
    expect(staffFieldErrors(valid())).toEqual({});
  });

  it('checks lengths and formats', () => {
    const errors = staffFieldErrors({
      ...valid(),
      name: '名'.repeat(65),
      userid: '张三',
      mobile: '12345',
      email: 'a@b.c',
      position: '职'.repeat(129),
    });
    expect(errors).toEqual({
      name: '姓名为1–64个字符',
      userid: '帐号为1–64位字母、数字或 _-@.，以字母或数字开头',
      mobile: '请输入正确的手机号',
      email: '邮箱长度为6–64个字节',
      position: '职务不能超过128个字符',
    });
    expect(staffFieldErrors({ ...valid(), email: 'not-an-email' }).email).toBe('邮箱格式不正确');
  });

  it('sends 帐号 only when creating', () => {
    expect(staffPayload(valid(), 'create')).toMatchObject({ userid: 'zhangsan' });
    expect(staffPayload(valid(), 'edit')).not.toHaveProperty('userid');
  });
});
