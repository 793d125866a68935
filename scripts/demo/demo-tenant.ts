import { DEMO_ADMIN_MOBILE } from '../../wecom-sim/seed/demo-corp';

/** The demo tenant and the logins `npm start` prints; importing this file runs nothing (unlike seed-demo.ts). */
export const DEMO_TENANT_ID = 'demo';
export const DEMO_PASSWORD = 'demo123456';
export const DEMO_OPERATOR = 'operator';
export const DEMO_OPERATOR_PASSWORD = 'operator123456';

export const DEMO_LOGIN = `${DEMO_ADMIN_MOBILE} / ${DEMO_PASSWORD}`;
export const DEMO_OPERATOR_LOGIN = `${DEMO_OPERATOR} / ${DEMO_OPERATOR_PASSWORD}`;
