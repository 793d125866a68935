import { loadBinding, loadCredentials } from './binding-store';
import type { WeComClient } from './client';

// Fetch again a little before WeCom's expiry, so a page never gets a ticket that dies while it signs.
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * The app's JS-SDK ticket (`ticket/get?type=agent_config`, API.md §16) per tenant, cached in the process:
 * WeCom allows about 100 fetches an hour per app, and every sidebar page open needs a signature.
 */
export class AgentTicketCache {
  private readonly tickets = new Map<string, { ticket: string; expiresAt: number }>();

  constructor(
    private readonly wecom: WeComClient,
    private readonly now: () => number = Date.now,
  ) {}

  async forTenant(tenantId: string): Promise<{ ticket: string; corpId: string; agentId: number }> {
    const binding = await loadBinding(tenantId);
    if (!binding?.agentId || !binding.secrets.app) throw new AppNotBoundError();
    const cached = this.tickets.get(tenantId);
    if (cached && cached.expiresAt > this.now()) {
      return { ticket: cached.ticket, corpId: binding.corpId, agentId: binding.agentId };
    }
    const answer = await this.wecom.call<{ ticket: string; expires_in: number }>(
      await loadCredentials(tenantId, 'app'),
      { method: 'GET', path: '/ticket/get', query: { type: 'agent_config' } },
    );
    this.tickets.set(tenantId, {
      ticket: answer.ticket,
      expiresAt: this.now() + answer.expires_in * 1000 - EXPIRY_MARGIN_MS,
    });
    return { ticket: answer.ticket, corpId: binding.corpId, agentId: binding.agentId };
  }
}

export class AppNotBoundError extends Error {
  constructor() {
    super('the tenant has no WeCom app (应用设置) yet');
    this.name = 'AppNotBoundError';
  }
}
