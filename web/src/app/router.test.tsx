import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { aSchoolDetail, demoMe, errorBody } from '../testing/fixtures';
import { endMockSession } from '../testing/handlers/auth';
import { renderRoutes } from '../testing/render';
import { server } from '../testing/server';
import { routes } from './router';

test('RequireSession: when nobody is signed in, then a page redirects to /accesso with next set to it', async () => {
  endMockSession();

  const { router } = renderRoutes(routes, { route: '/scuole?province=AN' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Accesso' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/accesso');
  expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/scuole?province=AN');
  expect(screen.queryByText('La sessione è scaduta: accedi di nuovo per continuare.')).not.toBeInTheDocument();
});

test('Open data: when nobody is signed in and opens /dati, then the public page, no redirect to the login', async () => {
  endMockSession();

  const { router } = renderRoutes(routes, { route: '/dati' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Dati aperti' }, { timeout: 4000 })).toBeInTheDocument();
  expect(
    await screen.findByRole('table', { name: /Studenti contati per provincia/ }, { timeout: 4000 }),
  ).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/dati');
});

test('RequireSession: when a query answers 401 later (session expired), then the login page opens with the notice', async () => {
  server.use(http.get('/api/schools', () => HttpResponse.json(errorBody('unauthenticated'), { status: 401 })));

  const { router } = renderRoutes(routes, { route: '/scuole' });

  const notice = await screen.findByText('La sessione è scaduta: accedi di nuovo per continuare.');
  expect(notice.closest('[role="status"]')).not.toBeNull();
  expect(screen.getByRole('heading', { level: 1, name: 'Accesso' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/accesso');
  expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/scuole');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('RequireSession: when the server answers password_change_required (one-time password), then the password page opens', async () => {
  server.use(http.get('/api/schools', () => HttpResponse.json(errorBody('password_change_required'), { status: 403 })));

  const { router } = renderRoutes(routes, { route: '/scuole' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Cambia password' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/password');
  expect(
    screen.getByText("Hai effettuato l'accesso con una password monouso: scegline una tua per continuare."),
  ).toBeInTheDocument();
});

test('RequireSession: when signed in, then the page itself is shown', async () => {
  renderRoutes(routes, { route: '/scuole' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Scuole' })).toBeInTheDocument();
});

test('Layout: when Esci is pressed, then the session ends and the login page opens', async () => {
  const user = userEvent.setup();
  const { router, queryClient } = renderRoutes(routes, { route: '/scuole' });
  await screen.findByRole('table', { name: 'Scuole trovate: 3' });

  await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Esci' }));

  expect(await screen.findByRole('button', { name: 'Accedi' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/accesso');
  expect(queryClient.getQueryData(['schools', {}])).toBeUndefined();
  expect(screen.queryByRole('navigation', { name: 'Navigazione principale' })).not.toBeInTheDocument();
});

test('School page: when an analyst opens a school, then the empty class list says the role sees aggregates only', async () => {
  server.use(
    http.get('/api/me', () => HttpResponse.json(demoMe.analista)),
    // as the server answers an analyst: the school, never its classes
    http.get('/api/schools/:code', () => HttpResponse.json(aSchoolDetail({ classList: [] }))),
  );

  renderRoutes(routes, { route: '/scuole/ANIS00800L' });

  expect(await screen.findByText(/Il tuo ruolo vede solo dati aggregati/)).toBeInTheDocument();
  expect(screen.queryByText('Nessuna classe registrata per questa scuola.')).not.toBeInTheDocument();
});

test('School page: when an analyst gets a class list anyway, then no class is a link', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));

  renderRoutes(routes, { route: '/scuole/ANIS00800L' });

  const table = await screen.findByRole('table', { name: 'Classi della scuola' });
  expect(within(table).getByRole('rowheader', { name: '3B' })).toBeInTheDocument();
  expect(within(table).queryByRole('link')).not.toBeInTheDocument();
});

test('School page: when a teacher opens a school, then their classes link to their pages', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.docente)));

  renderRoutes(routes, { route: '/scuole/ANIS00800L' });

  const table = await screen.findByRole('table', { name: 'Le tue classi in questa scuola' });
  expect(within(table).getByRole('link', { name: '3B' })).toHaveAttribute('href', '/classi/101');
});

test('Risk thresholds page: when the admin opens /soglie, then the page loads lazily with the current version', async () => {
  renderRoutes(routes, { route: '/soglie' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Soglie di rischio' })).toBeInTheDocument();
  expect(await screen.findByText(/^Versione 3, salvata da Amministratore dimostrativo/)).toBeInTheDocument();
  expect(
    within(screen.getByRole('navigation', { name: 'Navigazione principale' })).getByRole('link', {
      name: 'Soglie di rischio',
    }),
  ).toHaveAttribute('aria-current', 'page');
});

test('Risk thresholds page: when a referente opens /soglie, then it is refused without asking the server', async () => {
  let asked = false;
  server.use(
    http.get('/api/me', () => HttpResponse.json(demoMe.referente)),
    http.get('/api/settings/risk', () => {
      asked = true;
    }),
  );

  renderRoutes(routes, { route: '/soglie' });

  expect(await screen.findByRole('alert')).toHaveTextContent('Non sei autorizzato a vedere questi dati.');
  expect(asked).toBe(false);
});

test('Model reliability page: when the admin opens /affidabilita, then the legend the lists show, the check and the level chooser are there', async () => {
  renderRoutes(routes, { route: '/affidabilita' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Affidabilità del modello' })).toBeInTheDocument();
  expect(
    within(screen.getByRole('navigation', { name: 'Navigazione principale' })).getByRole('link', {
      name: 'Affidabilità del modello',
    }),
  ).toHaveAttribute('aria-current', 'page');
  expect(
    await screen.findByText(
      'Livello 3: nel 2024/25, 6 studenti su 10 con questi segnali non sono stati ammessi o hanno lasciato',
    ),
  ).toBeInTheDocument();
  expect(await screen.findByRole('button', { name: 'Esegui la verifica' })).toBeInTheDocument();
  expect(await screen.findByRole('button', { name: "Mostra l'anteprima" })).toBeInTheDocument();
});

test('Model reliability page: when a referente opens /affidabilita, then it is refused without asking the server for the backtest', async () => {
  let asked = false;
  server.use(
    http.get('/api/me', () => HttpResponse.json(demoMe.referente)),
    http.get('/api/backtest', () => {
      asked = true;
    }),
  );

  renderRoutes(routes, { route: '/affidabilita' });

  expect(await screen.findByRole('alert')).toHaveTextContent('Non sei autorizzato a vedere questi dati.');
  expect(asked).toBe(false);
  expect(
    within(screen.getByRole('navigation', { name: 'Navigazione principale' })).queryByRole('link', {
      name: 'Affidabilità del modello',
    }),
  ).not.toBeInTheDocument();
});
