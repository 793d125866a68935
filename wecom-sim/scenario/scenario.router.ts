/** Everything under /sim: the JSON API tests and `npm start` use to drive the fake corps. */
import express, { Router } from 'express';
import { groupJoinCodesRoutes } from '../acquisition/group-join-codes';
import { massSendRoutes } from '../mass-send/mass-send.routes';
import { appRoutes } from './app.routes';
import { archiveRoutes } from './archive.routes';
import { callbacksRoutes } from './callbacks.routes';
import { clientContextRoutes } from './client-context.routes';
import { contactsRoutes } from './contacts.routes';
import { corpsRoutes } from './corps.routes';
import { customersRoutes } from './customers.routes';
import { contactWaysRoutes } from './contact-ways.routes';
import type { ScenarioDeps } from './scenario-deps';
import { scenarioErrorHandler } from './scenario-error';
import { simulatorControlRoutes } from './simulator-control.routes';
import { transferConsoleRoutes } from '../transfer/transfer-console.routes';

export function scenarioRouter(deps: ScenarioDeps): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  router.use(simulatorControlRoutes(deps));
  router.use(corpsRoutes(deps));
  router.use(callbacksRoutes(deps));
  router.use(contactsRoutes(deps));
  router.use(customersRoutes(deps));
  router.use(contactWaysRoutes(deps));
  router.use(groupJoinCodesRoutes(deps));
  router.use(appRoutes(deps));
  router.use(archiveRoutes(deps));
  router.use(clientContextRoutes(deps));
  router.use(massSendRoutes(deps));
  router.use(transferConsoleRoutes(deps));
  router.use(scenarioErrorHandler(deps.logger));
  return router;
}
