/**
 * JS-SDK tickets (API.md §16): the corp ticket (`get_jsapi_ticket`, for wx.config) and the app ticket
 * (`ticket/get?type=agent_config`, for agentConfig). Valid 7200 s; asking again within that time gives the
 * same ticket, as WeCom does, and a signature made with an expired or never-issued ticket does not verify.
 */
import { randomBytes } from 'node:crypto';
import { recordIssuedSecrets } from '../state/issued-secrets';

export type TicketKind = 'corp' | 'agent_config';
export const JSAPI_TICKET_TTL_SECONDS = 7200;

interface IssuedTicket {
  ticket: string;
  expiresAt: number;
}

export class JsapiTickets {
  private readonly issued = new Map<TicketKind, IssuedTicket>();

  current(kind: TicketKind, nowSeconds: number): { ticket: string; expires_in: number } {
    let issued = this.issued.get(kind);
    if (!issued || issued.expiresAt <= nowSeconds) {
      // Real tickets look like base64url strings of ~86 characters.
      issued = {
        ticket: randomBytes(64).toString('base64url'),
        expiresAt: nowSeconds + JSAPI_TICKET_TTL_SECONDS,
      };
      this.issued.set(kind, issued);
      recordIssuedSecrets(issued.ticket);
    }
    return { ticket: issued.ticket, expires_in: issued.expiresAt - nowSeconds };
  }

  /** The ticket a signature must have been made with, if one is valid now. */
  valid(kind: TicketKind, nowSeconds: number): string | undefined {
    const issued = this.issued.get(kind);
    return issued && issued.expiresAt > nowSeconds ? issued.ticket : undefined;
  }
}
