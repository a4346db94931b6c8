import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import type { Worklist as WorklistBody } from '@primm/shared/contracts/worklist';
import { mediatorSchools } from '../../../testing/mediator-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { Worklist } from './worklist';

const names = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((th) => th.textContent);

test('Worklist: when it opens, then every student to follow up with class, school by name, why, and past cases', async () => {
  renderWithProviders(<Worklist />, { route: '/da-seguire' });

  const table = await screen.findByRole('table', { name: 'Da seguire: 3 studenti' });
  expect(names(table)).toEqual(['Hoxha Arben', 'Diallo Aminata', 'Marchetti Luca']);
  const diallo = within(table).getByRole('row', { name: /Diallo/ });
  expect(
    within(diallo)
      .getAllByRole('cell')
      .map((td) => td.textContent),
  ).toEqual([
    '1A',
    'IIS Vanvitelli Stracca Angelini (ANIS00800L)',
    'Neo-arrivato/a – arrivo in Italia: 20/01/2025',
    'nessun caso',
  ]);
  expect(within(diallo).getByRole('link', { name: 'Diallo Aminata' })).toHaveAttribute('href', '/studenti/1007');
  expect(within(table).getByRole('row', { name: /Marchetti/ })).toHaveTextContent('1 caso chiuso');
  expect(screen.getByText('Anno scolastico 2025/26.')).toBeInTheDocument();
});

test('Worklist: when filtered by school and by reason, then only those students, the filters kept in the address', async () => {
  const user = userEvent.setup();
  const { router } = renderWithProviders(<Worklist />, { route: '/da-seguire' });
  const filters = await screen.findByRole('form', { name: "Filtra l'elenco" });
  await screen.findByRole('table', { name: 'Da seguire: 3 studenti' });

  await user.selectOptions(
    within(filters).getByRole('combobox', { name: 'Scuola' }),
    'Liceo scientifico Galilei (MCPS02000B)',
  );
  expect(names(await screen.findByRole('table', { name: 'Da seguire: 1 studente' }))).toEqual(['Marchetti Luca']);
  expect(router.state.location.search).toBe('?scuola=3');

  await user.selectOptions(within(filters).getByRole('combobox', { name: 'Scuola' }), 'Tutte le mie scuole');
  await user.selectOptions(within(filters).getByRole('combobox', { name: 'Perché' }), 'Neo-arrivato/a');
  expect(names(await screen.findByRole('table', { name: 'Da seguire: 1 studente' }))).toEqual(['Diallo Aminata']);
  expect(router.state.location.search).toBe('?motivo=newly_arrived');
});

test('Worklist: when nobody is left to follow up, then it says so', async () => {
  server.use(
    http.get('/api/worklist', () =>
      HttpResponse.json<WorklistBody>({ schoolYear: '2025/26', items: [], truncated: false, schools: mediatorSchools }),
    ),
  );

  renderWithProviders(<Worklist />, { route: '/da-seguire' });

  expect(await screen.findByText(/Nessuno studente da seguire/)).toBeInTheDocument();
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});
