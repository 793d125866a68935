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

/** GET /api/auth/me */
export interface Session {
  user: SessionUser;
  tenant: SessionTenant;
}

/** POST /api/auth/login body */
export interface LoginRequest {
  phone: string;
  password: string;
}

/** POST /api/auth/login 200 */
export interface LoginResponse {
  message: string;
}
