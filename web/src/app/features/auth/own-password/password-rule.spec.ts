import { newPasswordProblem } from './password-rule';

describe('new password rule', () => {
  it.each([
    ['', '', '请输入新密码'],
    ['abc123', 'abc123', '密码至少8位'],
    ['abcdefgh', 'abcdefgh', '密码须同时包含字母和数字'],
    ['abcd1234', 'abcd1235', '两次输入的密码不一致'],
    ['abcd1234', 'abcd1234', null],
  ])('%s / %s → %s', (password, confirmation, problem) => {
    expect(newPasswordProblem(password, confirmation)).toBe(problem);
  });
});
