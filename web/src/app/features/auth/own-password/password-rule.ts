/** The api's rule for a new password (staffPasswordRequestSchema), checked before sending. */
export function newPasswordProblem(password: string, confirmation: string): string | null {
  if (!password) return '请输入新密码';
  if (password.length < 8) return '密码至少8位';
  if (password.length > 64) return '密码最多64位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (password !== confirmation) return '两次输入的密码不一致';
  return null;
}
