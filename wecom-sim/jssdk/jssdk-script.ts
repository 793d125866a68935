/**
 * The JS-SDK stand-in the product's H5 pages load instead of WeCom's own script (API.md §16). It offers the
 * new library's `ww.register / getContext / getCurExternalContact / getCurExternalChat / sendChatMessage /
 * openEnterpriseChat / openExistedChatWithMsg` and the old
 * `wx.agentConfig / wx.invoke`. agentConfig really is verified by the simulator (signature over the app
 * ticket, the app's agentid, the page on the app's 可信域名); the calls then answer from the client context.
 */
export const JSSDK_SCRIPT_PATH = '/wwopen/js/jwxwork-sim.js';

export const JSSDK_SCRIPT = `(function () {
  var base = new URL(document.currentScript.src).origin;
  var session = null;
  function post(path, body) {
    return fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); });
  }
  function failure(res) { var e = new Error(res.errMsg); e.errMsg = res.errMsg; return e; }
  function agentConfig(cfg) {
    return post('/wwopen/jssdk/agent-config', {
      corpid: cfg.corpid, agentid: Number(cfg.agentid), timestamp: cfg.timestamp, nonceStr: cfg.nonceStr,
      signature: cfg.signature, jsApiList: cfg.jsApiList || [], url: location.href.split('#')[0]
    }).then(function (res) { if (res.errMsg !== 'agentConfig:ok') throw failure(res); return res; });
  }
  function invoke(api, params) {
    if (!session) return Promise.reject(failure({ errMsg: api + ':fail not registered' }));
    return session.then(function (s) { return post('/wwopen/jssdk/invoke', { session: s.session, api: api, params: params || {} }); })
      .then(function (res) { if (res.errMsg !== api + ':ok') throw failure(res); return res; });
  }
  window.ww = {
    SDK_VERSION: 'simulator',
    register: function (options) {
      var url = location.href.split('#')[0];
      session = Promise.resolve(options.getAgentConfigSignature(url)).then(function (sig) {
        return agentConfig({ corpid: options.corpId, agentid: options.agentId, timestamp: sig.timestamp,
          nonceStr: sig.nonceStr, signature: sig.signature, jsApiList: options.jsApiList });
      });
      session.then(function (res) { if (options.onAgentConfigSuccess) options.onAgentConfigSuccess(res); },
        function (e) { if (options.onAgentConfigFail) options.onAgentConfigFail({ errMsg: e.errMsg }); });
    },
    getContext: function () { return invoke('getContext'); },
    getCurExternalContact: function () { return invoke('getCurExternalContact'); },
    getCurExternalChat: function () { return invoke('getCurExternalChat'); },
    sendChatMessage: function (params) { return invoke('sendChatMessage', params); },
    openEnterpriseChat: function (params) { return invoke('openEnterpriseChat', params); },
    openExistedChatWithMsg: function (params) { return invoke('openExistedChatWithMsg', params); }
  };
  window.wx = {
    agentConfig: function (cfg) {
      session = agentConfig(cfg);
      session.then(function (res) { if (cfg.success) cfg.success(res); }, function (e) { if (cfg.fail) cfg.fail({ errMsg: e.errMsg }); });
    },
    invoke: function (api, params, cb) {
      invoke(api, params).then(function (res) { res.err_msg = res.errMsg; cb(res); },
        function (e) { cb({ err_msg: e.errMsg, errMsg: e.errMsg }); });
    }
  };
})();
`;
