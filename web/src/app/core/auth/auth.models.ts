export interface SessionUser {
  id: string;
  name: string;
  phone: string;
  avatar?: string;
}

export interface SessionTenant {
  id: string;
  name: string;
  corpName: string;
}

export type DataScope = 'self' | 'department' | 'all' | 'custom';

/** The caller's role: 功能权限 keys (lib/access/permission-catalogue.ts on the server) and 数据权限. */
export interface SessionAccess {
  roleName: string;
  isSuperAdmin: boolean;
  permissions: string[];
  dataScope: DataScope;
}

/** GET /api/auth/me */
export interface Session {
  user: SessionUser;
  tenant: SessionTenant;
  /** Absent only in answers from before roles existed; treated as no permission at all. */
  access?: SessionAccess;
}

/** POST /api/auth/login body */
export interface LoginRequest {
  phone: string;
  password: string;
}

/** POST /api/auth/login 200 */
export interface LoginResponse extends Partial<Session> {
  message: string;
}
