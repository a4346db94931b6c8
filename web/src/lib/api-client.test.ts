import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { Me } from '@primm/shared/contracts/auth';
import { ProvinceList } from '@primm/shared/contracts/provinces';
import { demoMe, errorBody } from '../testing/fixtures';
import { server } from '../testing/server';
import { api, ApiError } from './api-client';

test('api.get: when the server answers the envelope, then ApiError carries its status and code', async () => {
  server.use(
    http.get('/api/provinces', () =>
      HttpResponse.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 }),
    ),
  );

  await expect(api.get('/provinces', ProvinceList)).rejects.toMatchObject({
    status: 403,
    code: 'forbidden',
    message: 'no',
  });
});

test('api.get: when the error body is not JSON, then the code is internal', async () => {
  server.use(http.get('/api/provinces', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })));

  await expect(api.get('/provinces', ProvinceList)).rejects.toMatchObject({ status: 502, code: 'internal' });
});

test('api.get: when the request fails on the network, then the code is network', async () => {
  server.use(http.get('/api/provinces', () => HttpResponse.error()));

  const error = await api.get('/provinces', ProvinceList).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 0, code: 'network' });
});

test('api.get: when params are empty, then they are left out of the query string', async () => {
  let search = '';
  server.use(
    http.get('/api/schools', ({ request }) => {
      search = new URL(request.url).search;
      return HttpResponse.json({ items: [] });
    }),
  );

  await api.get(
    '/schools',
    { parse: (body: unknown) => body },
    { params: { province: 'AN', level: undefined, q: '' } },
  );

  expect(search).toBe('?province=AN');
});

test('api.post: when called with a body, then it is sent as JSON and the answer is parsed with the schema', async () => {
  let sent: unknown;
  let contentType: string | null = null;
  server.use(
    http.post('/api/auth/login', async ({ request }) => {
      sent = await request.json();
      contentType = request.headers.get('content-type');
      return HttpResponse.json(demoMe.docente);
    }),
  );

  const me = await api.post('/auth/login', { email: 'docente@demo.primm.it', password: 'x' }, Me);

  expect(me).toEqual(demoMe.docente);
  expect(sent).toEqual({ email: 'docente@demo.primm.it', password: 'x' });
  expect(contentType).toBe('application/json');
});

test('api.post: when the server answers 204, then it resolves to undefined', async () => {
  await expect(api.post('/auth/logout')).resolves.toBeUndefined();
});

test('api.post: when the server refuses, then ApiError carries the code like get', async () => {
  server.use(http.post('/api/users', () => HttpResponse.json(errorBody('conflict'), { status: 409 })));

  await expect(api.post('/users', {}, Me)).rejects.toMatchObject({ status: 409, code: 'conflict' });
});

test('api.patch: when the server answers, then the body was JSON and the answer is parsed like post', async () => {
  let seen: { method: string; body: unknown } | undefined;
  server.use(
    http.patch('/api/me', async ({ request }) => {
      seen = { method: request.method, body: await request.json() };
      return HttpResponse.json(demoMe.admin);
    }),
  );

  await expect(api.patch('/me', { displayName: 'x' }, Me)).resolves.toEqual(demoMe.admin);
  expect(seen).toEqual({ method: 'PATCH', body: { displayName: 'x' } });
});

test('api.put: when the server answers, then the body was JSON and the answer is parsed like post', async () => {
  let seen: { method: string; body: unknown } | undefined;
  server.use(
    http.put('/api/me', async ({ request }) => {
      seen = { method: request.method, body: await request.json() };
      return HttpResponse.json(demoMe.admin);
    }),
  );

  await expect(api.put('/me', { displayName: 'x' }, Me)).resolves.toEqual(demoMe.admin);
  expect(seen).toEqual({ method: 'PUT', body: { displayName: 'x' } });
});
