import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { OpenApiOverview } from '@primm/shared/contracts/openapi';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { aUser, authAs } from '../testing/auth-as';
import { createTestDb, testConfig } from '../testing/test-db';
import { API_ROUTES } from './api-routes';
import { buildOpenApiDocument } from './openapi-document';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
}

/** Every route the app answers, `GET /students/:id`, found by walking express's router stack under /api. */
function routesOfApp(app: ReturnType<typeof createApp>): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route)
        for (const m of Object.keys(layer.route.methods))
          found.push(`${m.toUpperCase()} ${(prefix + layer.route.path).replace(/\/+/g, '/')}`);
      else if (layer.handle?.stack) walk(layer.handle.stack, prefix + (layer.rawPath ?? ''));
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found
    .filter((r) => r.includes(' /api/'))
    .map((r) => r.replace(' /api/', ' /'))
    .sort();
}

type Operation = {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  requestBody?: unknown;
  parameters: { in: string; name: string }[];
  security: unknown[];
  summary: string;
  'x-summary-en': string;
  'x-roles': unknown;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const app = async () => createApp({ db: await createTestDb(), config: testConfig });

describe('OpenAPI document', () => {
  test('the document: when the app has a route, then the document lists it, and lists nothing the app lacks', async () => {
    const doc = buildOpenApiDocument('test') as unknown as Doc;

    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();

    expect(documented).toEqual(routesOfApp(await app()));
  });

  test('the document: when validated against the OpenAPI 3.1 schema, then it is valid and every $ref resolves', async () => {
    const doc = buildOpenApiDocument('test');

    const res = await new Validator().validate(doc);

    expect(res.errors).toBeUndefined();
    expect(res.valid).toBe(true);
    const text = JSON.stringify(doc);
    const schemas = (doc as unknown as Doc).components.schemas;
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(schemas).toHaveProperty([name!]);
    expect(text).not.toContain('#/$defs');
  });

  test('the document: when an operation answers JSON, then it has a contract or says why not; a body or query parsed by a contract is described', async () => {
    const doc = buildOpenApiDocument('test') as unknown as Doc;

    for (const route of API_ROUTES) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]![route.method]!;
      const success = Object.entries(op.responses).find(([s]) => s !== 'default')![1];
      if (route.status === 204) expect(success.content, `${route.method} ${route.path}`).toBeUndefined();
      else if (route.response)
        expect(success.content?.['application/json']?.schema, `${route.method} ${route.path}`).toEqual({
          $ref: expect.stringMatching(/^#\/components\/schemas\//),
        });
      else
        expect(
          route.produces !== 'application/json' || Boolean(route.noContract),
          `${route.method} ${route.path} has no contract and no reason`,
        ).toBe(true);
      if (route.body) expect(op.requestBody, `${route.method} ${route.path}`).toBeDefined();
      if (route.query)
        expect(
          op.parameters.some((p) => p.in === 'query'),
          `${route.method} ${route.path}`,
        ).toBe(true);
    }
    expect(doc.paths['/imports']!.post!.security).toEqual([{ session: [] }, { serviceToken: [] }]);
    expect(doc.paths['/imports']!.post!.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
    );
    expect(doc.paths['/users']!.get!['x-roles']).toEqual(['admin', 'referente']);
    // the answers of the regional tables' cache may be the previous ones, and say so in a header
    const headersOf = (path: string) =>
      (doc.paths[path]!.get!.responses as Record<string, { headers?: Record<string, unknown> }>)['200']!.headers;
    for (const path of ['/aggregates', '/aggregates/trend', '/aggregates/history', '/fairness', '/what-works'])
      expect(headersOf(path), path).toHaveProperty('Primm-Stale');
    expect(headersOf('/users')).toBeUndefined();
  });

  test('the document: every operation has an English summary (`x-summary-en`), not a copy of the Italian one', () => {
    const doc = buildOpenApiDocument('test') as unknown as Doc;

    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, op })),
    );

    expect(ops).toHaveLength(API_ROUTES.length);
    for (const { at, op } of ops) {
      expect(op['x-summary-en'], at).toMatch(/\S/);
      expect(op['x-summary-en'], at).not.toBe(op.summary);
    }
  });

  test("the version: the document's is the product's, also when started outside pnpm, and CHANGELOG.md says what it changed", () => {
    const root = new URL('../../../', import.meta.url);
    const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
    expect(loadConfig({ PRIMM_DB: ':memory:' }).version).toBe(version); // no npm_package_version: node dist/main.js
    expect(readFileSync(new URL('CHANGELOG.md', root), 'utf8')).toContain(`\n## ${version} (`);
  });

  test('GET /api/openapi.json: when anyone asks without a session, then 200 with the document', async () => {
    const res = await request(await app()).get('/api/openapi.json');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ openapi: '3.1.0', info: { title: 'primm-ews API' } });
    expect(Object.keys(res.body.paths)).toContain('/imports/{uploadId}/commit');
    // The document answers its own contract, the one the integrators' page reads.
    expect(OpenApiOverview.parse(res.body).paths['/imports']!.post!.security).toEqual([
      { session: [] },
      { serviceToken: [] },
    ]);
  });

  test('GET /api/openapi.json: when a signed-in user asks, then the same document (it holds no data)', async () => {
    const db = await createTestDb();
    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/openapi.json')
      .set(await authAs(db, await aUser(db, 'docente')));

    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
  });
});
