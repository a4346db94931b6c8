import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { aTrend } from '../../../testing/aggregate-fixtures';
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
  expect(
    await within(panel).findByRole('img', { name: /^Grafico a linee: Andamento mensile delle assenze\./ }),
  ).toBeInTheDocument();

  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  const table = within(panel).getByRole('table');
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Mese', 'Studenti', 'Assenti oltre il 10 % delle ore', 'Assenti oltre il 25 % delle ore']);
  expect(
    within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent),
  ).toEqual(['set 2025', 'ott 2025', 'nov 2025', 'dic 2025', 'gen 2026']);
  const december = within(table).getByRole('row', { name: /dic 2025/ });
  expect(
    within(december)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['4.358', 'n.d.', '<10']);
  expect(within(panel).getByText(/meno di 10 studenti/)).toBeInTheDocument();
});

test('MonthlyTrendPanel: when the server refuses, then the error is shown', async () => {
  server.use(http.get('/api/aggregates/trend', () => HttpResponse.json(errorBody('forbidden'), { status: 403 })));

  renderWithProviders(<MonthlyTrendPanel filters={{ year: '2025/26' }} />);

  expect(await screen.findByRole('alert')).toHaveTextContent(/autorizzat/i);
});

test("MonthlyTrendPanel: when the year before has data and the comparison is ticked, then the same months of that year sit beside this year's", async () => {
  const user = userEvent.setup();
  server.use(
    http.get('/api/aggregates/trend', ({ request }) => {
      if (new URL(request.url).searchParams.get('year') !== '2024/25') return undefined;
      return HttpResponse.json(
        aTrend({
          year: '2024/25',
          months: [{ month: '2024-09', values: { students: 4200, absentOver10: 100, absentOver25: 12 } }],
        }),
      );
    }),
  );
  renderWithProviders(<MonthlyTrendPanel filters={{}} />);
  const panel = await screen.findByRole('region', { name: 'Andamento mensile delle assenze' });

  await user.click(await screen.findByRole('checkbox', { name: 'Confronta con gli stessi mesi dell’anno 2024/25' }));
  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  const table = within(panel).getByRole('table');
  await within(table).findByRole('columnheader', { name: 'Studenti (2024/25)' });
  const september = within(table).getByRole('row', { name: /set 2025/ });
  expect(
    within(september)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['4.310', '4.200', '120', '100', '15', '12']);
  expect(within(within(table).getByRole('row', { name: /ott 2025/ })).getAllByRole('cell')[1]).toHaveTextContent('—');
});

test('MonthlyTrendPanel: when the year before has no data, then no comparison is offered', async () => {
  server.use(http.get('/api/aggregates/years', () => HttpResponse.json({ years: ['2025/26'], current: '2025/26' })));
  // the years are known before the check, or the missing checkbox would prove nothing
  const yearsKnown = new Promise<void>((resolve) =>
    server.events.on('response:mocked', ({ request }) => {
      if (new URL(request.url).pathname === '/api/aggregates/years') resolve();
    }),
  );

  renderWithProviders(<MonthlyTrendPanel filters={{}} />);

  await yearsKnown;
  await screen.findByRole('region', { name: 'Andamento mensile delle assenze' });
  await screen.findByText(/Per ogni mese di lezione/);
  expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
});
