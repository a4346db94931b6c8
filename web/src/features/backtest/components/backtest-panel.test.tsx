import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { mockBacktestYears, mockDoneRun, mockRunningRun } from '../../../testing/handlers/backtest';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { BacktestPanel } from './backtest-panel';

function recordRuns() {
  const sent: unknown[] = [];
  server.use(http.post('/api/backtest/runs', async ({ request }) => void sent.push(await request.clone().json())));
  return sent;
}

test('BacktestPanel: when the latest run is still going, then its progress is shown and no second run can start', async () => {
  server.use(
    http.get('/api/backtest', () => HttpResponse.json({ ...mockBacktestYears, latestRun: mockRunningRun })),
    http.get('/api/backtest/runs/:id', () => HttpResponse.json(mockRunningRun)),
  );
  renderWithProviders(<BacktestPanel />);

  const progress = (await screen.findByText('Verifica del 2024/25 in corso: 3 scuole su 12')).closest(
    '[role="status"]',
  ) as HTMLElement;
  expect(within(progress).getByRole('progressbar')).toHaveAttribute('value', '3');
  expect(screen.getByRole('button', { name: 'Esegui la verifica' })).toBeDisabled();
});

test('BacktestPanel: when the admin runs the check on 2024/25, then the report shows what each level meant, the metrics and the groups, small groups withheld', async () => {
  const user = userEvent.setup();
  const sent = recordRuns();
  renderWithProviders(<BacktestPanel />);

  await user.click(await screen.findByRole('button', { name: 'Esegui la verifica' }));

  const levels = await screen.findByRole('table', { name: 'Che cosa ha significato ogni livello' });
  expect(sent).toEqual([{ schoolYear: '2024/25' }]);
  expect(
    within(levels)
      .getAllByRole('row')
      .map((r) => r.textContent),
  ).toEqual([
    'LivelloStudentiQuotaEsito negativoIntervallo al 95 %Giudizio sospeso',
    'Livello 12.53685,4 %7,9 %6,9 % – 9 %5,9 %',
    'Livello 231610,6 %32,6 %27,7 % – 38 %14,9 %',
    'Livello 31194 %48,7 %39,9 % – 57,6 %15,1 %',
  ]);
  expect(
    screen.getByText(
      /^2024\/25, dati al 20\/12\/2024, 31\/01\/2025 \(dai registri, soglie versione 3\): 2\.971 studenti, 360 con esito negativo/,
    ),
  ).toBeInTheDocument();
  const groups = screen.getByRole('table', { name: 'Errori per gruppo (livello 2 o 3 come previsione)' });
  expect(within(groups).getByRole('row', { name: /Neo-arrivato: sì/ })).toHaveTextContent(
    'meno di 10 studenti: non mostrato',
  );
  expect(within(groups).getByRole('row', { name: /Sesso: maschi/ })).toHaveTextContent('× 1,03');
});

test('BacktestPanel: when a cut day is given, then it is sent; when it is not mm-dd, then it is refused by the field and nothing is sent', async () => {
  const user = userEvent.setup();
  const sent = recordRuns();
  renderWithProviders(<BacktestPanel />);
  const day = await screen.findByRole('textbox', { name: 'Data di taglio (mm-gg)' });
  await user.selectOptions(screen.getByRole('combobox', { name: 'Anno scolastico' }), '2023/24');

  await user.type(day, '1-31');
  await user.click(screen.getByRole('button', { name: 'Esegui la verifica' }));
  expect(day).toHaveAttribute('aria-invalid', 'true');
  expect(day).toHaveAccessibleDescription(/^Scrivi il giorno come mm-gg/);
  expect(sent).toEqual([]);

  await user.clear(day);
  await user.type(day, '01-31');
  await user.click(screen.getByRole('button', { name: 'Esegui la verifica' }));
  await screen.findByRole('table', { name: 'Che cosa ha significato ogni livello' });
  expect(sent).toEqual([{ schoolYear: '2023/24', monthDay: '01-31' }]);
});

test('BacktestPanel: when the admin saves the finished check, then it is confirmed as the legend and the model version is named', async () => {
  const user = userEvent.setup();
  // The server keeps the save: the run read again after it is the saved one.
  const saved = { ...mockDoneRun, savedAt: '2026-02-02T09:05:00.000Z', savedVersion: 4 };
  let isSaved = false;
  server.use(
    http.post('/api/backtest/runs/:id/save', () => {
      isSaved = true;
      return HttpResponse.json(saved);
    }),
    http.get('/api/backtest/runs/:id', () => HttpResponse.json(isSaved ? saved : mockDoneRun)),
  );
  renderWithProviders(<BacktestPanel />);
  await user.click(await screen.findByRole('button', { name: 'Esegui la verifica' }));

  await user.click(await screen.findByRole('button', { name: 'Salva come legenda della regione' }));

  const confirmation = (await screen.findByText('Salvata come legenda della regione il 02/02/2026 10:05:00.')).closest(
    '[role="status"]',
  );
  expect(confirmation).toHaveTextContent('Il modello è nella versione 4 delle soglie');
  expect(confirmation).toHaveFocus();
  expect(screen.queryByRole('button', { name: 'Salva come legenda della regione' })).not.toBeInTheDocument();
});

test('BacktestPanel: when the run failed, then an alert says so', async () => {
  const user = userEvent.setup();
  server.use(
    http.get('/api/backtest/runs/:id', () =>
      HttpResponse.json({ ...mockRunningRun, status: 'failed', error: 'Interrotto' }),
    ),
  );
  renderWithProviders(<BacktestPanel />);

  await user.click(await screen.findByRole('button', { name: 'Esegui la verifica' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('La verifica del 2024/25 non è riuscita: riprova.');
});
