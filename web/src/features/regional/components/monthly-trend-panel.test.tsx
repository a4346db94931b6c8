import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { MonthlyTrendPanel } from './monthly-trend-panel';

// The chart is lazy: its module loads here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() => import('./aggregate-chart'));

test('MonthlyTrendPanel: when shown as a table, then one row per month in Italian, December keeps n.d. and <10, and the legend explains', async () => {
  const user = userEvent.setup();
  renderWithProviders(<MonthlyTrendPanel filters={{}} />);
  const panel = await screen.findByRole('region', { name: 'Andamento mensile delle assenze' });
  expect(await within(panel).findByRole('img', { name: /^Grafico a linee: Andamento mensile delle assenze\./ })).toBeInTheDocument();

  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  const table = within(panel).getByRole('table');
  expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
    'Mese', 'Studenti', 'Assenti oltre il 10 % delle ore', 'Assenti oltre il 25 % delle ore',
  ]);
  expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['set 2025', 'ott 2025', 'nov 2025', 'dic 2025', 'gen 2026']);
  const december = within(table).getByRole('row', { name: /dic 2025/ });
  expect(within(december).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4.358', 'n.d.', '<10']);
  expect(within(panel).getByText(/meno di 10 studenti/)).toBeInTheDocument();
});

test('MonthlyTrendPanel: when the server refuses, then the error is shown', async () => {
  server.use(http.get('/api/aggregates/trend', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })));

  renderWithProviders(<MonthlyTrendPanel filters={{ year: '2025/26' }} />);

  expect(await screen.findByRole('alert')).toHaveTextContent(/autorizzat/i);
});
