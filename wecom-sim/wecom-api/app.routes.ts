/**
 * /cgi-bin/agent/get (the app's details, including its 可见范围) and /cgi-bin/auth/getuserinfo (the
 * web-login code exchange, API.md §17). Both need the app's own token: an app reads only itself.
 */
import { WecomError } from '../wecom-error';
import type { WecomEndpointSpec } from './wecom-endpoint';

const APP_ONLY = ['app'] as const;

export const appEndpoints: Record<string, WecomEndpointSpec> = {
  '/agent/get': {
    allowed: APP_ONLY,
    handle: ({ corp, query }) => {
      const agentid = query('agentid');
      if (!agentid) throw new WecomError(41011);
      if (Number(agentid) !== corp.app.agentId) throw new WecomError(40056);
      const { app } = corp;
      return {
        agentid: app.agentId,
        name: app.name,
        square_logo_url: '',
        description: '',
        allow_userinfos: { user: app.visibility.users.map((userid) => ({ userid })) },
        allow_partys: { partyid: [...app.visibility.departments] },
        allow_tags: { tagid: [] },
        close: 0,
        redirect_domain: app.redirectDomain,
        report_location_flag: 0,
        isreportenter: 0,
        home_url: '',
      };
    },
  },
  '/auth/getuserinfo': {
    allowed: APP_ONLY,
    handle: ({ corp, query, state }) => {
      const code = query('code');
      if (!code) throw new WecomError(41008);
      const identity = state.webLoginCodes.redeem(corp.corpId, code);
      if (!identity) throw new WecomError(40029);
      return { ...identity };
    },
  },
};
