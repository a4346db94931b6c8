import { z } from 'zod';

/**
 * What a reader of `/api/openapi.json` (the app's page for integrators) relies on: each
 * operation's summary (Italian, and English in `x-summary-en` for the page in English), tag,
 * roles (`x-roles`) and security. The document holds more (schemas, parameters): loose objects,
 * so that none of it is refused or dropped.
 */
export const OpenApiOperation = z.looseObject({
  summary: z.string(),
  'x-summary-en': z.string(),
  tags: z.array(z.string()),
  'x-roles': z.union([z.enum(['public', 'session']), z.array(z.string())]),
  security: z.array(z.record(z.string(), z.array(z.string()))),
});
export type OpenApiOperation = z.infer<typeof OpenApiOperation>;

export const OpenApiOverview = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string(), description: z.string() }),
  tags: z.array(z.looseObject({ name: z.string() })),
  paths: z.record(z.string(), z.record(z.string(), OpenApiOperation)),
});
export type OpenApiOverview = z.infer<typeof OpenApiOverview>;
