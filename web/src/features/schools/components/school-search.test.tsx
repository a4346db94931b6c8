import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { aSchoolDetail, errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { SchoolSearch } from './school-search';

/** Records the query string of every school-list request, then lets the default handler answer. */
function recordSchoolQueries(): string[] {
  const seen: string[] = [];
  server.use(
    http.get('/api/schools', ({ request }) => {
      seen.push(new URL(request.url).search);
    }),
  );
  return seen;
}

test('SchoolSearch: when opened without filters, then every school is listed with a link to its page', async () => {
  renderWithProviders(<SchoolSearch />, { route: '/scuole' });

  const table = await screen.findByRole('table', { name: 'Scuole trovate: 3' });
  const link = within(table).getByRole('link', { name: 'Liceo scientifico Galilei' });
  expect(link).toHaveAttribute('href', '/scuole/MCPS02000B');
  expect(within(table).getByRole('columnheader', { name: 'Codice meccanografico' })).toHaveAttribute('scope', 'col');
});

test('SchoolSearch: when a province is chosen, then the request and the URL carry it and only its schools remain', async () => {
  const user = userEvent.setup();
  const seen = recordSchoolQueries();
  const { router } = renderWithProviders(<SchoolSearch />, { route: '/scuole' });
  await screen.findByRole('table', { name: 'Scuole trovate: 3' });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Provincia' }), 'Macerata');

  const table = await screen.findByRole('table', { name: 'Scuole trovate: 1' });
  expect(within(table).getByRole('link', { name: 'Liceo scientifico Galilei' })).toBeInTheDocument();
  expect(seen).toEqual(['', '?province=MC']);
  expect(router.state.location.search).toBe('?province=MC');
});

test('SchoolSearch: when opened from a shared link with filters, then the filters are applied and shown', async () => {
  const seen = recordSchoolQueries();

  renderWithProviders(<SchoolSearch />, { route: '/scuole?province=AN&level=primo_grado&q=pascoli' });

  const table = await screen.findByRole('table', { name: 'Scuole trovate: 1' });
  expect(within(table).getByRole('link', { name: 'Scuola secondaria di I grado Pascoli' })).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Provincia' })).toHaveValue('AN');
  expect(screen.getByRole('combobox', { name: 'Grado' })).toHaveValue('primo_grado');
  expect(screen.getByRole('searchbox', { name: 'Nome, comune o codice' })).toHaveValue('pascoli');
  expect(new URLSearchParams(seen[0])).toEqual(new URLSearchParams('province=AN&level=primo_grado&q=pascoli'));
});

test('SchoolSearch: when a text search matches nothing, then the empty state is shown', async () => {
  const user = userEvent.setup();
  const { router } = renderWithProviders(<SchoolSearch />, { route: '/scuole' });
  await screen.findByRole('table');

  await user.type(screen.getByRole('searchbox', { name: 'Nome, comune o codice' }), 'nessuna{Enter}');

  expect(await screen.findByText('Nessuna scuola corrisponde ai filtri scelti.')).toBeInTheDocument();
  expect(router.state.location.search).toBe('?q=nessuna');
});

test('SchoolSearch: when the service fails, then the translated error is shown and retry reloads the list', async () => {
  const user = userEvent.setup();
  server.use(http.get('/api/schools', () => HttpResponse.json(errorBody('internal'), { status: 500 }), { once: true }));
  renderWithProviders(<SchoolSearch />, { route: '/scuole' });

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Errore del servizio. Riprova tra qualche minuto.');
  await user.click(within(alert).getByRole('button', { name: 'Riprova' }));

  expect(await screen.findByRole('table', { name: 'Scuole trovate: 3' })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('SchoolSearch: when the network is down, then the connection error is shown', async () => {
  server.use(http.get('/api/schools', () => HttpResponse.error()));

  renderWithProviders(<SchoolSearch />, { route: '/scuole' });

  expect(await screen.findByRole('alert')).toHaveTextContent('Impossibile contattare il servizio');
});

test('SchoolSearch: when a school is a paritaria, then its row says so beside its type', async () => {
  const paritaria = aSchoolDetail({
    id: 9,
    code: 'AN1A00700Y',
    name: 'Liceo paritario di prova',
    kind: 'LICEO SCIENTIFICO',
    paritaria: true,
  });
  server.use(http.get('/api/schools', () => HttpResponse.json({ items: [paritaria, aSchoolDetail()] })));
  renderWithProviders(<SchoolSearch />, { route: '/scuole' });

  const table = await screen.findByRole('table', { name: 'Scuole trovate: 2' });

  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).queryByText('paritaria') !== null)).toEqual([true, false]);
});
