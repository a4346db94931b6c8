import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { CaseArchive } from './case-archive';

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((th) => th.textContent);

test('CaseArchive: when it opens, then the closed cases, latest closed first, with date, outcome and the school by name', async () => {
  renderWithProviders(<CaseArchive />, { route: '/casi/archivio' });

  const table = await screen.findByRole('table', { name: 'Casi chiusi: 2' });
  expect(rowsOf(table)).toEqual(['Rossi Giulia (3B)', 'Marchetti Luca (4C)']);
  const rossi = within(table).getByRole('row', { name: /Rossi Giulia/ });
  expect(
    within(rossi)
      .getAllByRole('cell')
      .map((td) => td.textContent),
  ).toEqual([
    '18/12/2025',
    'Tornato/a in pari',
    'IIS Vanvitelli Stracca Angelini (ANIS00800L)',
    'Mediatore dimostrativo',
    'Caso n. 3',
  ]);
  expect(within(rossi).getByRole('link', { name: 'Caso n. 3' })).toHaveAttribute('href', '/casi/3');
});

test('CaseArchive: when filtered by school, outcome and period, then only those cases, and the filters are in the address', async () => {
  const user = userEvent.setup();
  const { router } = renderWithProviders(<CaseArchive />, { route: '/casi/archivio' });
  const filters = await screen.findByRole('form', { name: "Filtra l'archivio" });
  await screen.findByRole('table', { name: 'Casi chiusi: 2' });

  await user.selectOptions(within(filters).getByRole('combobox', { name: 'Esito' }), 'Riorientato/a');
  expect(rowsOf(await screen.findByRole('table', { name: 'Casi chiusi: 1' }))).toEqual(['Marchetti Luca (4C)']);
  expect(router.state.location.search).toBe('?esito=reoriented');

  await user.selectOptions(
    within(filters).getByRole('combobox', { name: 'Scuola' }),
    'IIS Vanvitelli Stracca Angelini (ANIS00800L)',
  );
  expect(await screen.findByText('Nessun caso chiuso con questi filtri.')).toBeInTheDocument();

  await user.click(within(filters).getByRole('button', { name: 'Azzera i filtri' }));
  await user.type(within(filters).getByLabelText('Chiusi dal'), '2025-12-01');
  expect(rowsOf(await screen.findByRole('table', { name: 'Casi chiusi: 1' }))).toEqual(['Rossi Giulia (3B)']);
  expect(router.state.location.search).toBe('?dal=2025-12-01');
});

test('CaseArchive: when the address names a school of someone else, then the refusal is shown without a retry', async () => {
  server.use(http.get('/api/case-archive', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })));

  renderWithProviders(<CaseArchive />, { route: '/casi/archivio?scuola=99' });

  expect(await screen.findByRole('alert')).toHaveTextContent('Non sei autorizzato a vedere questi dati.');
  expect(screen.queryByRole('button', { name: 'Riprova' })).not.toBeInTheDocument();
});
