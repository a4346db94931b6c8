import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { anAggregateResult } from '../../../testing/aggregate-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { AggregateQuery } from '@primm/shared/contracts/aggregates';
import { ProvinceSchools } from './province-schools';

// The chart is lazy: its module loads here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() => import('./aggregate-chart'));

test('YearOnYearToggle: when the comparison is ticked, then the table shows each school in both years, the previous one labelled with its snapshot date', async () => {
  const user = userEvent.setup();
  renderWithProviders(<ProvinceSchools province="AN" filters={{}} />);
  const toggle = await screen.findByRole('checkbox', { name: 'Confronta con l’anno precedente alla stessa data' });

  await user.click(toggle);
  const panel = await screen.findByRole('region', { name: 'Studenti per scuola' });
  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  await within(panel).findByRole('columnheader', { name: 'Studenti (2024/25 al 31/01/2025)' });
  const table = within(panel).getByRole('table');
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Scuola', 'Studenti (2025/26)', 'Studenti (2024/25 al 31/01/2025)']);
  const school = within(table).getByRole('row', { name: /Vanvitelli/ });
  expect(
    within(school)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['620', '558']);
  expect(screen.getByText(/com’era il 31\/01\/2025/)).toBeInTheDocument();
});

test('YearOnYearToggle: when the server has no snapshot of the previous year for the view, then it says so and the charts show this year only', async () => {
  const user = userEvent.setup();
  server.use(
    http.get('/api/aggregates', ({ request }) => {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      return HttpResponse.json({ ...anAggregateResult(AggregateQuery.parse(params)), previous: null });
    }),
  );
  renderWithProviders(<ProvinceSchools province="AN" filters={{}} />);

  await user.click(await screen.findByRole('checkbox', { name: 'Confronta con l’anno precedente alla stessa data' }));

  expect(await screen.findByRole('status', { name: '' })).toHaveTextContent(/Nessuna istantanea dell’anno precedente/);
  const panel = screen.getByRole('region', { name: 'Studenti per scuola' });
  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));
  expect(
    within(within(panel).getByRole('table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Scuola', 'Studenti']);
});
