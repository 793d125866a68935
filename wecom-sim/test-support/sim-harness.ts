/** A fresh simulator with the demo corp for each test, plus the token look-up every API test needs. */
import type { Express } from 'express';
import request from 'supertest';
import { createSimApp, type SimAppOptions } from '../app';
import { demoCorpSeed, DEMO_CORP_ID } from '../seed/demo-corp';
import type { SecretKind } from '../state/secret-kinds';
import { SimState } from '../state/sim-state';

export const TEST_CALLBACK_KEYS = {
  token: 'SimTestToken2024',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

export interface SimHarness {
  state: SimState;
  app: Express;
  tokenFor(kind: SecretKind): Promise<string>;
}

export function createHarness(options: SimAppOptions = {}): SimHarness {
  const state = new SimState({ seeds: [demoCorpSeed] });
  const app = createSimApp(state, {
    delivery: { attemptTimeoutMs: 1000, retryBackoffMs: [10] },
    ...options,
  });
  return {
    state,
    app,
    async tokenFor(kind) {
      const secret = demoCorpSeed.identity.secrets[kind];
      const response = await request(app)
        .get('/cgi-bin/gettoken')
        .query({ corpid: DEMO_CORP_ID, corpsecret: secret });
      return response.body.access_token as string;
    },
  };
}
