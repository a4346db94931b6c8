import { Router } from 'express';
import { buildOpenApiDocument } from './openapi-document';

/**
 * `GET /api/openapi.json`, public: it holds no data, only the shape of the API that the project's
 * open code shows anyway, and an integrator writing a register's push has a service token at most
 * (which opens only the imports), no session. Built once, at the first request.
 */
export function openApiRoutes(version: string): Router {
  const router = Router();
  let json: string | undefined;
  router.get('/openapi.json', (_req, res) => {
    json ??= JSON.stringify(buildOpenApiDocument(version));
    res.type('json').send(json);
  });
  return router;
}
