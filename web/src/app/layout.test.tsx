import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import type { Role } from '@primm/shared/contracts/auth';
import { demoMe } from '../testing/fixtures';
import { renderWithProviders } from '../testing/render';
import { server } from '../testing/server';
import { Layout } from './layout';
import { Component as HomePage } from './routes/home';

function renderLayout() {
  return renderWithProviders(<Layout />, { path: '/' });
}

function renderHome() {
  // Layout as the parent route, the home page as its index, like the app's router.
  return renderWithProviders(<Layout />, { path: '/', children: [{ index: true, element: <HomePage /> }] });
}

test('Layout: when the user presses Tab first, then the skip link is focused and targets main', async () => {
  const user = userEvent.setup();
  renderLayout();

  await user.tab();

  const skip = screen.getByRole('link', { name: 'Vai al contenuto' });
  expect(skip).toHaveFocus();
  expect(skip).toHaveAttribute('href', '#main');
  const main = screen.getByRole('main');
  expect(main).toHaveAttribute('id', 'main');
  expect(main).toHaveAttribute('tabindex', '-1');
});

test('Layout: when EN is pressed, then the page heading turns English, the choice is remembered and <html lang> follows', async () => {
  const user = userEvent.setup();
  renderHome();
  expect(await screen.findByRole('heading', { level: 1, name: 'Panoramica regionale' })).toBeInTheDocument();
  const english = screen.getByRole('button', { name: 'EN' });
  expect(english).toHaveAttribute('aria-pressed', 'false');

  await user.click(english);

  expect(await screen.findByRole('heading', { level: 1, name: 'Regional overview' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'EN' })).toHaveAttribute('aria-pressed', 'true');
  expect(screen.getByRole('button', { name: 'IT' })).toHaveAttribute('aria-pressed', 'false');
  expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe('en');
  expect(localStorage.getItem('primm-ews.language')).toBe('en');
});

test('Layout: when rendered, then header, named navigation and footer landmarks are present', async () => {
  renderLayout();

  expect(screen.getByRole('banner')).toHaveTextContent(
    'Allerta precoce contro la dispersione scolastica – Regione Marche',
  );
  const nav = await screen.findByRole('navigation', { name: 'Navigazione principale' });
  expect(nav).toContainElement(screen.getByRole('link', { name: 'Scuole' }));
  expect(screen.getByRole('contentinfo')).toBeInTheDocument();
});

test.each<[Role, string[]]>([
  [
    'admin',
    [
      'Panoramica regionale',
      'Scuole',
      'Analisi regionale',
      'I miei casi',
      'Cosa funziona',
      'Scadenze',
      'Utenti',
      'Importazioni',
      'Registro accessi',
      'Soglie di rischio',
      'Comuni',
      'Modelli di lettera',
      'Affidabilità del modello',
      'Dati aperti',
    ],
  ],
  [
    'referente',
    [
      'Panoramica regionale',
      'Scuole',
      'Analisi regionale',
      'I miei casi',
      'Da seguire',
      'Cosa funziona',
      'Scadenze',
      'Utenti',
      'Importazioni',
    ],
  ],
  ['docente', ['Le mie classi', 'Scuole']],
  ['mediatore', ['I miei casi', 'Scuole', 'Da seguire', 'Archivio casi', 'Cosa funziona', 'Scadenze']], // home is the caseload
  ['analista', ['Panoramica regionale', 'Scuole', 'Analisi regionale', 'Cosa funziona']],
])('Layout: when a %s is signed in, then the navigation offers %j', async (role, links) => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe[role])));

  renderLayout();

  const nav = await screen.findByRole('navigation', { name: 'Navigazione principale' });
  expect(
    within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent),
  ).toEqual(links);
});

test('Layout: when a user is signed in, then the header shows their name, translated role and an Esci button', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.docente)));

  renderLayout();

  const banner = screen.getByRole('banner');
  expect(await within(banner).findByText('Docente dimostrativo')).toBeInTheDocument();
  expect(banner).toHaveTextContent('Docente dimostrativo (Docente)');
  expect(within(banner).getByRole('button', { name: 'Esci' })).toBeInTheDocument();
});

test('Layout: when nobody is signed in, then neither the navigation nor the Esci button is shown', async () => {
  server.use(
    http.get('/api/me', () =>
      HttpResponse.json({ error: { code: 'unauthenticated', message: 'no' } }, { status: 401 }),
    ),
  );
  const { queryClient } = renderLayout();

  await vi.waitFor(() => expect(queryClient.getQueryData(['me'])).toBeNull());

  expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Esci' })).not.toBeInTheDocument();
});
