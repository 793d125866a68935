import { createHash, randomUUID } from 'node:crypto';
import type { SimClock } from '../clock';
import { recordIssuedSecrets } from '../state/issued-secrets';
import { UDESK_FAILURES, type UdeskFailure } from './udesk-answers';

/** A Udesk company (a customer-service account) as the simulator keeps it: its domain and 超级管理员. */
export interface UdeskCompany {
  domain: string;
  adminEmail: string;
  /** The open API token Udesk shows the admin (管理中心 → 开放接口). */
  apiToken: string;
  agents: Array<{ id: number; nick_name: string; email: string }>;
}

/** Udesk lets a nonce be used once within 15 minutes; the simulator takes the same window for timestamps. */
const NONCE_WINDOW_SECONDS = 15 * 60;

export interface SignedRequest {
  email?: string;
  timestamp?: string;
  nonce?: string;
  sign?: string;
  sign_version?: string;
}

/** The Udesk companies the simulator plays, keyed by domain, and the nonces each has seen. */
export class UdeskCompanies {
  private readonly companies = new Map<string, UdeskCompany>();
  private readonly seenNonces = new Map<string, Map<string, number>>();

  constructor(private readonly clock: SimClock) {}

  add(input: { domain: string; adminEmail: string; apiToken?: string }): UdeskCompany {
    const domain = input.domain.toLowerCase();
    const company: UdeskCompany = {
      domain,
      adminEmail: input.adminEmail,
      apiToken: input.apiToken ?? randomUUID(),
      agents: [{ id: 1, nick_name: '超级管理员', email: input.adminEmail }],
    };
    // The after-run log scan looks for it (scripts/stack/secrets-check.ts): the api must never log it.
    recordIssuedSecrets(company.apiToken);
    this.companies.set(domain, company);
    this.seenNonces.set(domain, new Map());
    return company;
  }

  get(domain: string): UdeskCompany | undefined {
    return this.companies.get(domain.toLowerCase());
  }

  /** Udesk's v2 check of a signed call: null when it passes, else the failure Udesk answers. */
  authenticate(company: UdeskCompany, query: SignedRequest): UdeskFailure | null {
    const { email, timestamp, nonce, sign, sign_version: version } = query;
    if (!email || !timestamp || !nonce || !sign || !version) return UDESK_FAILURES.missingParameter;
    if (version !== 'v2') return UDESK_FAILURES.unsupportedSignVersion;
    const now = this.clock.nowSeconds();
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > NONCE_WINDOW_SECONDS) {
      return UDESK_FAILURES.staleTimestamp;
    }
    if (email !== company.adminEmail) return UDESK_FAILURES.unknownAdmin;
    const expected = createHash('sha256')
      .update(`${email}&${company.apiToken}&${timestamp}&${nonce}&v2`, 'utf8')
      .digest('hex');
    if (sign !== expected) return UDESK_FAILURES.badSign;
    const seen = this.seenNonces.get(company.domain) as Map<string, number>;
    for (const [used, at] of seen) if (now - at > NONCE_WINDOW_SECONDS) seen.delete(used);
    if (seen.has(nonce)) return UDESK_FAILURES.reusedNonce;
    seen.set(nonce, now);
    return null;
  }
}
