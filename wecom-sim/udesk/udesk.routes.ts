import express, { Router, type Request } from 'express';
import { UDESK_SUCCESS } from './udesk-answers';
import type { SignedRequest, UdeskCompanies } from './udesk-companies';

const signedQuery = (req: Request): SignedRequest => {
  const pick = (key: string) => (typeof req.query[key] === 'string' ? (req.query[key] as string) : undefined);
  return {
    email: pick('email'),
    timestamp: pick('timestamp'),
    nonce: pick('nonce'),
    sign: pick('sign'),
    sign_version: pick('sign_version'),
  };
};

/**
 * Udesk's open API at `/udesk/<domain>/open_api_v1/…` (the product's UDESK_BASE_URL points at `/udesk`): the
 * v2 signature check, then `GET agents` (客服列表). An unknown domain is a bare 404, as a host with no Udesk.
 */
export function udeskOpenApiRouter(companies: UdeskCompanies): Router {
  const router = Router();
  router.get('/:domain/open_api_v1/agents', (req, res) => {
    const company = companies.get(req.params.domain);
    if (!company) return void res.status(404).end();
    const failure = companies.authenticate(company, signedQuery(req));
    if (failure) return void res.status(200).json(failure);
    res.json({
      code: UDESK_SUCCESS,
      agents: company.agents,
      meta: { current_page: 1, total_pages: 1, total_count: company.agents.length },
    });
  });
  router.use((_req, res) => {
    res.status(404).end();
  });
  return router;
}

/** The scenario side (`/sim/udesk`): create a Udesk company and read back its admin and token, as its admin would. */
export function udeskScenarioRouter(companies: UdeskCompanies): Router {
  const router = Router();
  router.use(express.json());
  router.post('/companies', (req, res) => {
    const { domain, adminEmail, apiToken } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof domain !== 'string' || !domain || typeof adminEmail !== 'string' || !adminEmail) {
      return void res.status(400).json({ error: 'domain and adminEmail are required' });
    }
    if (apiToken !== undefined && typeof apiToken !== 'string') {
      return void res.status(400).json({ error: 'apiToken must be a string' });
    }
    res.status(201).json(companies.add({ domain, adminEmail, apiToken }));
  });
  router.get('/companies/:domain', (req, res) => {
    const company = companies.get(req.params.domain);
    if (!company) return void res.status(404).json({ error: 'no such Udesk company' });
    res.json(company);
  });
  return router;
}
