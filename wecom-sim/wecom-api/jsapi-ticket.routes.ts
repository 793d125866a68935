/**
 * JS-SDK tickets (API.md §16): `get_jsapi_ticket` (the corp's, for wx.config) and
 * `ticket/get?type=agent_config` (the app's, for agentConfig). Both take the app's token.
 */
import { WecomError } from '../wecom-error';
import type { WecomEndpointSpec } from './wecom-endpoint';

export const jsapiTicketEndpoints: Record<string, WecomEndpointSpec> = {
  '/get_jsapi_ticket': {
    allowed: ['app'],
    handle: ({ corp, state }) => corp.jsapiTickets.current('corp', state.clock.nowSeconds()),
  },
  '/ticket/get': {
    allowed: ['app'],
    handle: ({ corp, state, query }) => {
      if (query('type') !== 'agent_config') throw new WecomError(40058, 'type must be agent_config');
      return corp.jsapiTickets.current('agent_config', state.clock.nowSeconds());
    },
  },
};
