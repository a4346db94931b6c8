import { ErrorBody, type ErrorCode } from '@primm/shared/errors';
import { noteAnswer } from './stale-answers';

/**
 * Anything with zod's `parse`: the shared contract schemas. Typed structurally because `zod`
 * is a dependency of @primm/shared, not of the web package.
 */
export type Schema<T> = { parse: (data: unknown) => T };

/** `network`: the request never got an answer; every other code comes from the server's envelope. */
export type ApiErrorCode = ErrorCode | 'network';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** The envelope's `details`: for a 400, `[{ path, message }]` naming the refused fields. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The first field message of a 400 (`details: [{ path, message }]`), for forms that show it by the field. */
export function fieldIssue(error: unknown): { path: string; message: string } | undefined {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return undefined;
  const first: unknown = error.details[0];
  if (typeof first !== 'object' || first === null) return undefined;
  const { path, message } = first as Record<string, unknown>;
  return typeof message === 'string' ? { path: typeof path === 'string' ? path : '', message } : undefined;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Drops empty values so `?province=&q=` never reaches the server's schema as an empty string. */
function buildUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function request<T>(
  path: string,
  schema: Schema<T> | undefined,
  init: RequestInit & { params?: QueryParams },
): Promise<T | undefined> {
  const { params, ...rest } = init;
  const url = buildUrl(path, params);
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      ...rest,
      headers: { Accept: 'application/json', ...rest.headers },
    });
  } catch (cause) {
    // Aborts are not failures: react-query cancels queries it no longer needs.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }

  const body = response.status === 204 ? undefined : await readJson(response);
  const answer = readAnswer(path, response.status, body, schema);
  if ((rest.method ?? 'GET') === 'GET') noteAnswer(url, response.headers.get('Primm-Stale') === '1');
  return answer;
}

/**
 * One answer, however it arrived (fetch here, XMLHttpRequest for uploads with progress): an
 * error status throws `ApiError` from the envelope, a success is parsed with the contract.
 */
export function readAnswer<T>(
  path: string,
  status: number,
  body: unknown,
  schema: Schema<T> | undefined,
): T | undefined {
  if (status < 200 || status >= 300) {
    const envelope = ErrorBody.safeParse(body);
    if (envelope.success)
      throw new ApiError(status, envelope.data.error.code, envelope.data.error.message, envelope.data.error.details);
    throw new ApiError(status, 'internal', `HTTP ${status}`);
  }
  // 204 No Content (logout): nothing to parse, and the caller passed no schema.
  if (!schema) return undefined;
  if (body === undefined) throw new ApiError(status, 'internal', 'response is not JSON');
  try {
    return schema.parse(body);
  } catch {
    // A body that breaks the contract is our bug, not the user's: report it as internal.
    throw new ApiError(status, 'internal', `response of ${path} does not match the contract`);
  }
}

function post<T>(path: string, body: unknown, schema: Schema<T>): Promise<T>;
function post(path: string, body?: unknown): Promise<undefined>;
/**
 * A state-changing request: JSON body, same-origin credentials (the browser then sends Origin,
 * which the server checks). Without a schema the answer is expected empty (204).
 */
async function post<T>(path: string, body?: unknown, schema?: Schema<T>): Promise<T | undefined> {
  return request(path, schema, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** PATCH and PUT: a JSON body like post's, and always an answer to check against the schema. */
const sendJson =
  (method: 'PATCH' | 'PUT') =>
  <T>(path: string, body: unknown, schema: Schema<T>): Promise<T> =>
    request(path, schema, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }) as Promise<T>;

export const api = {
  async get<T>(
    path: string,
    schema: Schema<T>,
    options: { params?: QueryParams; signal?: AbortSignal } = {},
  ): Promise<T> {
    return (await request(path, schema, { method: 'GET', ...options })) as T;
  },
  post,
  /** A partial update; the answer is always the updated resource. */
  patch: sendJson('PATCH'),
  /** A whole replacement (the risk thresholds: a new version). */
  put: sendJson('PUT'),
  /** A removal; the answer is expected empty (204). */
  async delete(path: string): Promise<void> {
    await request(path, undefined, { method: 'DELETE' });
  },
};
