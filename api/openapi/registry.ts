import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

export function createApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'scrm_session',
  });
  registry.registerComponent('securitySchemes', 'platform', {
    type: 'apiKey',
    in: 'cookie',
    name: 'scrm_platform',
  });
  return registry;
}

export const OPENAPI_PATH = '/api/openapi.json';

/** The document describes itself too, so that every endpoint the api serves is in it. */
export function buildOpenApiDocument(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: 'get',
    path: OPENAPI_PATH,
    summary: 'This OpenAPI 3.1 document',
    tags: ['operations'],
    responses: {
      200: { description: 'The OpenAPI document', content: { 'application/json': { schema: {} } } },
    },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'WeCom SCRM API', version: '0.1.0', description: 'Admin and WeCom callback endpoints' },
    servers: [{ url: '/' }],
  });
}
