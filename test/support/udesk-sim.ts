import { stackEnv } from './stack-env';

/** A Udesk company as the simulator plays it (wecom-sim/udesk/): its domain, 超级管理员 and API token. */
export interface SimUdeskCompany {
  domain: string;
  adminEmail: string;
  apiToken: string;
}

/** Where the api must look for Udesk in tests: the simulator's `/udesk`, with the domain after it. */
export const udeskBaseUrl = () => `${stackEnv.wecomApiBase}/udesk`;

/** Opens a Udesk company in the simulator, as someone signing up with Udesk would; its token is generated. */
export async function createUdeskCompany(domain: string, adminEmail: string): Promise<SimUdeskCompany> {
  const response = await fetch(`${stackEnv.wecomApiBase}/sim/udesk/companies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ domain, adminEmail }),
  });
  if (response.status !== 201)
    throw new Error(`simulator answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as SimUdeskCompany;
}
