import { z } from 'zod';
import { SchoolCode } from '@primm/shared/contracts/domain';
import { ErrorBody } from '@primm/shared/errors';
import { API_ROUTES, type ApiRoute, type Named } from './api-routes';

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

/**
 * The OpenAPI 3.1 document of the API, generated from the zod contracts of shared/ with zod 4's
 * own `z.toJSONSchema` (JSON Schema 2020-12, the dialect of OpenAPI 3.1), so it cannot drift
 * from what the server parses. Requests are described as the client writes them (`io: 'input'`:
 * defaults optional, strings that are coerced), answers as the server sends them.
 */
export function buildOpenApiDocument(version: string, routes: readonly ApiRoute[] = API_ROUTES): JsonSchema {
  const schemas: Record<string, JsonSchema> = {};

  /** A contract as a component, `$ref`ed; the same name for an input and an output that differ gets `Input`. */
  function ref(named: Named, io: Io): JsonSchema {
    const [name, schema] = Object.entries(named)[0]!;
    const json = toJson(schema, io);
    let key = name;
    if (schemas[key] && JSON.stringify(schemas[key]) !== JSON.stringify(json)) key = `${name}Input`;
    schemas[key] = hoistDefs(json, key, schemas);
    return { $ref: `#/components/schemas/${key}` };
  }

  const errorRef = ref({ ErrorBody }, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method] = operation(route, ref, errorRef);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'primm-ews API',
      version,
      description: [
        'API del sistema di allerta precoce contro la dispersione scolastica (Regione Marche, PRIMM).',
        'Il browser usa la sessione (cookie) e, per ogni scrittura, una richiesta dalla stessa origine (Origin).',
        'Le macchine (registri elettronici, script notturni delle scuole) importano con un token di servizio:',
        '`Authorization: Bearer <token>` su `POST /api/imports` e `POST /api/imports/{uploadId}/commit`, con',
        '`Idempotency-Key` perché un invio ripetuto non importi due volte. Ogni errore è `{ error: { code, message, details? } }`.',
        '`x-roles` dice quali ruoli possono chiamare ciascuna operazione; `x-summary-en` ne dà il riassunto in inglese',
        '(`summary` è in italiano, la prima lingua del prodotto).',
      ].join(' '),
    },
    servers: [{ url: '/api' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-primm_session',
          description: 'Sessione del browser (`primm_session` su http senza TLS), impostata da POST /auth/login',
        },
        serviceToken: {
          type: 'http',
          scheme: 'bearer',
          description: "Token di servizio creato dall'amministratore: solo importazioni, solo nelle sue scuole",
        },
      },
    },
  };
}

function operation(route: ApiRoute, ref: (named: Named, io: Io) => JsonSchema, errorRef: JsonSchema): JsonSchema {
  const parameters: JsonSchema[] = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: pathParamSchema(name!),
  }));
  if (route.query) {
    const [, schema] = Object.entries(route.query)[0]!;
    const json = toJson(schema, 'input');
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries((json.properties ?? {}) as Record<string, JsonSchema>)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema: prop });
    }
  }
  if (route.serviceToken) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        "Con un token di servizio: la stessa chiave restituisce la prima risposta invece di ripetere l'operazione (24 ore)",
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
    });
  }
  const status = route.status ?? 200;
  const success: JsonSchema = { description: route.noContract ? `Risposta (${route.noContract})` : 'Risposta' };
  if (route.mayBeStale)
    success.headers = {
      'Primm-Stale': {
        description:
          'Presente (`1`) quando la risposta è quella di prima di una modifica dei dati, mentre le tabelle si ricalcolano: una nuova richiesta tra qualche secondo riceve quella aggiornata',
        schema: { type: 'string', enum: ['1'] },
      },
    };
  if (route.response) success.content = { 'application/json': { schema: ref(route.response, 'output') } };
  else if (route.produces)
    success.content = { [route.produces]: { schema: route.produces === 'application/json' ? {} : { type: 'string' } } };
  const op: JsonSchema = {
    tags: [route.tag],
    summary: route.summary,
    'x-summary-en': route.summaryEn,
    operationId: operationId(route),
    'x-roles': route.access,
    security: route.access === 'public' ? [] : [{ session: [] }, ...(route.serviceToken ? [{ serviceToken: [] }] : [])],
    parameters,
    responses: {
      [String(status)]: success,
      default: { description: 'Errore', content: { 'application/json': { schema: errorRef } } },
    },
  };
  if (route.body)
    op.requestBody = { required: true, content: { 'application/json': { schema: ref(route.body, 'input') } } };
  if (route.multipart) {
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['files'],
            properties: {
              files: {
                type: 'array',
                items: { type: 'string', contentMediaType: 'application/octet-stream' },
                description: 'I file CSV (o uno zip) con il percorso relativo come nome: `ANIS00800L/studenti.csv`',
              },
            },
          },
        },
      },
    };
  }
  return op;
}

/** `GET /students/:id/risk` → `getStudentsIdRisk`: unique per method and path. */
function operationId(route: ApiRoute): string {
  const words = route.path.split(/[/:.-]+/).filter(Boolean);
  return route.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The path parameters as the routes parse them (`Id`, `SchoolCode`, an upload's 32 hex digits). */
function pathParamSchema(name: string): JsonSchema {
  if (name === 'id' || (name.endsWith('Id') && name !== 'uploadId')) return { type: 'integer', minimum: 1 };
  if (name === 'code') return toJson(SchoolCode, 'input');
  if (name === 'uploadId') return { type: 'string', pattern: '^[0-9a-f]{32}$' };
  if (name === 'istat') return { type: 'string', pattern: '^\\d{6}$' };
  return { type: 'string' };
}

function toJson(schema: z.ZodType, io: Io): JsonSchema {
  // `any` for what JSON Schema cannot say (a transform's output): the contract still parses it.
  const { $schema: _s, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
  }) as JsonSchema;
  return json;
}

/** A recursive contract's `$defs` become components of their own: `#/$defs/x` means nothing inside a document. */
function hoistDefs(json: JsonSchema, owner: string, schemas: Record<string, JsonSchema>): JsonSchema {
  const { $defs, ...rest } = json as JsonSchema & { $defs?: Record<string, JsonSchema> };
  if (!$defs) return json;
  const rename = (s: unknown): unknown =>
    JSON.parse(
      JSON.stringify(s).replace(/"#\/\$defs\/([^"]+)"/g, (_m, d: string) => `"#/components/schemas/${owner}_${d}"`),
    );
  for (const [name, def] of Object.entries($defs)) schemas[`${owner}_${name}`] = rename(def) as JsonSchema;
  return rename(rest) as JsonSchema;
}
