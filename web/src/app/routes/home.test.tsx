import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { demoMe } from '../../testing/fixtures';
import { startMockSession } from '../../testing/handlers/auth';
import { renderRoutes } from '../../testing/render';
import { server } from '../../testing/server';
import { routes } from '../router';

// The home and student pages' chunks are imported here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() => Promise.all([import('./student'), import('./home')]));

test('Home page: when a teacher signs in, then each of their classes shows its students per tier and links to the list', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.docente)));

  renderRoutes(routes, { route: '/' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Le mie classi' })).toBeInTheDocument();
  const card3B = (await screen.findByRole('heading', { level: 2, name: 'Classe 3B' })).closest('li')!;
  const counts = await within(card3B as HTMLElement).findAllByRole('definition');
  expect(counts.map((dd) => dd.textContent)).toEqual(['1', '0', '1']); // tier 3, 2, 1
  expect(within(card3B as HTMLElement).getByRole('link', { name: "Apri l'elenco del rischio" })).toHaveAttribute(
    'href',
    '/classi/101',
  );
  const card1A = (await screen.findByRole('heading', { level: 2, name: 'Classe 1A' })).closest('li')!;
  expect((await within(card1A as HTMLElement).findAllByRole('definition')).map((dd) => dd.textContent)).toEqual([
    '0',
    '1',
    '0',
  ]);
  expect(screen.queryByRole('table', { name: 'Scuole e studenti per provincia' })).not.toBeInTheDocument();
});

test('Cases page: when an analyst opens it, then the refusal is shown and nothing is requested', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));

  renderRoutes(routes, { route: '/casi' });

  expect(await screen.findByRole('alert')).toHaveTextContent('Non sei autorizzato');
  expect(screen.queryByRole('link', { name: 'I miei casi' })).not.toBeInTheDocument();
});

test('Student page: when a teacher opens a student, then there is no "Apri un caso" but the case timeline is there', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.docente)));

  renderRoutes(routes, { route: '/studenti/1002' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Hoxha Arben' })).toBeInTheDocument();
  expect(await screen.findByRole('region', { name: 'Casi e interventi' })).toBeInTheDocument();
  expect(await screen.findByText('Assente quasi tutti i lunedì da dicembre')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Apri un caso/ })).not.toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Torna alla classe 3B' })).toHaveAttribute('href', '/classi/101');
});

test('Home page: when a student of a class moved up a tier in the last week of data, then its card says so with a link to the student', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.docente)));

  renderRoutes(routes, { route: '/' });

  const card3B = (await screen.findByRole('heading', { level: 2, name: 'Classe 3B' })).closest('li')! as HTMLElement;
  expect(await within(card3B).findByText('Dal 24/03/2026: 1 saliti di livello, 0 scesi.')).toBeInTheDocument();
  expect(within(card3B).getByText(/salito\/a dal livello 2 al 3/)).toBeInTheDocument();
  const student = within(card3B)
    .getAllByRole('link')
    .find((a) => a.getAttribute('href')?.startsWith('/studenti/'));
  expect(student).toBeDefined();
});

test.each(['pua', 'comune'] as const)(
  'Home page: when a %s signs in, then it names the municipalities served, without asking for the schools’ figures',
  async (role) => {
    const asked: string[] = [];
    server.use(
      http.get('/api/me', () => HttpResponse.json(demoMe[role])),
      http.get('/api/provinces', ({ request }) => {
        asked.push(request.url);
        return HttpResponse.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 });
      }),
    );

    renderRoutes(routes, { route: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Il tuo ambito' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Comuni serviti' })).getByRole('listitem')).toHaveTextContent(
      'Ancona (042002)',
    );
    expect(screen.queryByText('Non ancora disponibile in questa versione')).toBeNull();
    expect(screen.getByRole('link', { name: 'Il tuo ambito' })).toHaveAttribute('href', '/');
    expect(asked).toEqual([]);
  },
);

test('Home page: when a municipal office signs in, then it sees its inbox counts and the way to the inbox, not the schools’ figures', async () => {
  startMockSession(demoMe.comune);
  const asked: string[] = [];
  server.use(
    http.get('/api/provinces', ({ request }) => {
      asked.push(request.url);
      return HttpResponse.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 });
    }),
  );

  renderRoutes(routes, { route: '/' });

  expect(
    await screen.findByRole('heading', { level: 2, name: 'Segnalazioni ed elenchi ricevuti' }),
  ).toBeInTheDocument();
  expect(await screen.findByText('Da registrare: 1 · in ritardo: 0 · registrate: 0')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Apri la casella' })).toHaveAttribute('href', '/casella');
  expect(screen.getByRole('link', { name: 'Casella' })).toHaveAttribute('href', '/casella');
  expect(screen.queryByRole('note')).toBeNull();
  expect(asked).toEqual([]);
});

test('Home page: when a PUA operator signs in, then it names the municipalities served and leads to the referrals received, with how many wait', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.pua)));

  renderRoutes(routes, { route: '/' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Il tuo ambito' })).toBeInTheDocument();
  expect(await screen.findByText('1 in attesa di risposta, di cui 1 in ritardo; 1 in carico.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Apri gli invii ricevuti' })).toHaveAttribute('href', '/invii');
  expect(screen.queryByRole('note')).toBeNull();
});
