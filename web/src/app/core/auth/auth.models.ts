import type { SessionAccess } from '@contracts/auth.contract';

export type {
  LoginRequest,
  LoginResponse,
  Session,
  SessionAccess,
  SessionTenant,
  SessionUser,
} from '@contracts/auth.contract';

export type DataScope = SessionAccess['dataScope'];
