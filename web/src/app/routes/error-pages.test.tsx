import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import type { Role } from '@primm/shared/contracts/auth';
import { demoMe, errorBody } from '../../testing/fixtures';
import { renderRoutes } from '../../testing/render';
import { server } from '../../testing/server';
import { routes } from '../router';

// The home and student pages' chunks are imported here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() => Promise.all([import('./student'), import('./home')]));

const signedInAs = (role: Role) => server.use(http.get('/api/me', () => HttpResponse.json(demoMe[role])));

test.each<[Role, string]>([
  ['docente', 'Torna alle tue classi'],
  ['mediatore', 'Torna ai tuoi casi'],
  ['admin', 'Vai alla panoramica regionale'],
  ['analista', 'Vai alla panoramica regionale'],
])('Not found page: when a %s opens an unknown address, then the way home is "%s"', async (role, home) => {
  signedInAs(role);

  renderRoutes(routes, { route: '/indirizzo-inesistente' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeInTheDocument();
  expect(await screen.findByRole('link', { name: home })).toHaveAttribute('href', '/');
});

test('Refused class: when a teacher opens a class not theirs, then one refusal, no "Riprova", and the way back to their classes', async () => {
  signedInAs('docente');
  server.use(
    http.get('/api/classes/:id', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })),
    http.get('/api/classes/:id/risk', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })),
  );

  renderRoutes(routes, { route: '/classi/999' });

  expect(await screen.findByRole('link', { name: 'Torna alle tue classi' }, { timeout: 4000 })).toBeInTheDocument();
  expect(screen.getAllByRole('alert')).toHaveLength(1);
  expect(screen.getByRole('alert')).toHaveTextContent('Non sei autorizzato a vedere questi dati.');
  expect(screen.queryByRole('button', { name: 'Riprova' })).not.toBeInTheDocument();
  expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
});

test('Refused student: when a mediator opens a student out of scope (404), then one alert and the way back to their cases', async () => {
  signedInAs('mediatore');

  renderRoutes(routes, { route: '/studenti/9999' });

  // the route's chunk loads lazily: the first import of the student page's modules takes a while
  expect(await screen.findByRole('link', { name: 'Torna ai tuoi casi' }, { timeout: 4000 })).toBeInTheDocument();
  expect(screen.getAllByRole('alert')).toHaveLength(1);
  expect(screen.getByRole('alert')).toHaveTextContent('Non abbiamo trovato quello che cerchi.');
  expect(screen.queryByRole('button', { name: 'Riprova' })).not.toBeInTheDocument();
});

test('Error alert: when the service cannot be reached, then "Riprova" is offered (it may help)', async () => {
  signedInAs('mediatore');
  server.use(http.get('/api/caseload', () => HttpResponse.json(errorBody('internal'), { status: 500 })));

  renderRoutes(routes, { route: '/' });

  expect(await screen.findByRole('button', { name: 'Riprova' })).toBeInTheDocument();
});

test('Home page: when a mediator signs in, then it is their caseload, not the regional table', async () => {
  signedInAs('mediatore');

  renderRoutes(routes, { route: '/' });

  expect(await screen.findByRole('heading', { level: 1, name: 'I miei casi' })).toBeInTheDocument();
  expect(await screen.findByRole('region', { name: 'Verifiche di questa settimana' })).toBeInTheDocument();
  expect(screen.queryByRole('table', { name: 'Scuole e studenti per provincia' })).not.toBeInTheDocument();
});
