import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { aStudentDetail, demoMe } from '../../testing/fixtures';
import { renderRoutes } from '../../testing/render';
import { server } from '../../testing/server';
import { routes } from '../router';

// The page's chunk is imported here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() => import('./student'));

test('Student page: when a teacher opens a student of their class, then the summary comes first with the actions and the legend beside it', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.docente)));

  renderRoutes(routes, { route: '/studenti/1002' });

  const summary = await screen.findByRole('region', { name: 'In sintesi' }, { timeout: 4000 });
  expect(await within(summary).findByText(/^Livello 2: segnale alto/)).toBeInTheDocument();
  const actions = screen.getByRole('complementary', { name: 'Azioni' });
  expect(
    within(actions)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual(['Segnala come a rischio…', 'Aggiungi una nota…', 'Rivedi il livello…']);
  expect(await screen.findByRole('complementary', { name: 'Che cosa significano i livelli' })).toBeInTheDocument();
  // the summary is before the series in the page
  const attendance = await screen.findByRole('region', { name: /Frequenza settimanale/ });
  expect(summary.compareDocumentPosition(attendance) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});

test('Student page: when the reader\'s school is a former one (access "former"), then no action is offered', async () => {
  server.use(
    http.get('/api/me', () => HttpResponse.json(demoMe.mediatore)),
    http.get('/api/students/:id', () =>
      HttpResponse.json(aStudentDetail({ access: { kind: 'former', until: '2026-01-31' } })),
    ),
  );

  renderRoutes(routes, { route: '/studenti/1002' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Hoxha Arben' }, { timeout: 4000 })).toBeInTheDocument();
  expect(screen.queryByRole('complementary', { name: 'Azioni' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Segnala|Apri un caso|Rivedi/ })).not.toBeInTheDocument();
});
