import { passwordMatches } from '../../../lib/auth/password-hash';
import { PlatformAdminModel } from '../../../lib/models/platform-admin.model';
import { AppError } from '../../http/app-error';

/** A platform operator's login: answers their id for the platform cookie, or refuses without saying why. */
export async function platformLogin(input: { username: string; password: string }): Promise<string> {
  const admin = await PlatformAdminModel.findById(input.username).lean();
  if (!admin || !(await passwordMatches(input.password, admin.passwordHash))) {
    throw new AppError(401, 'PLATFORM_LOGIN_FAILED', '账号或密码有误');
  }
  return admin._id;
}

/** The signed-in platform operator, by the id their cookie carries. */
export async function platformOperator(adminId: string): Promise<{ username: string; name: string }> {
  const admin = await PlatformAdminModel.findById(adminId).lean();
  return { username: admin!._id, name: admin!.name };
}
