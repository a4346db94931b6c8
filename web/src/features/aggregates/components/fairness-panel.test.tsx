import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { aFairnessReport } from '../../../testing/aggregate-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { FairnessPanel } from './fairness-panel';

test('FairnessPanel: when outcomes exist, then the table has false positive and negative rates, n.d. where too few', async () => {
  const user = userEvent.setup();
  renderWithProviders(<FairnessPanel year={undefined} />);
  const panel = await screen.findByRole('region', { name: 'Segnalati e livello 2 o 3 per gruppo di cittadinanza' });
  expect(screen.getByText(/DEWS del Wisconsin/)).toBeInTheDocument();

  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  const table = within(panel).getByRole('table');
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual([
    'Gruppo di cittadinanza',
    'Studenti',
    'Segnalati (%)',
    'Al livello 2 o 3 (%)',
    'Falsi positivi (%)',
    'Falsi negativi (%)',
  ]);
  const nai = within(table).getByRole('row', { name: /Neo-arrivati/ });
  expect(
    within(nai)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['62', '19 %', '32 %', '30 %', 'n.d.']);
  expect(screen.queryByText('Falsi positivi e falsi negativi: non disponibili')).not.toBeInTheDocument();
});

test('FairnessPanel: when no final outcomes exist yet, then the error rates say non disponibile and are not in the table', async () => {
  const user = userEvent.setup();
  server.use(http.get('/api/fairness', () => HttpResponse.json(aFairnessReport({ outcomesAvailable: false }))));
  renderWithProviders(<FairnessPanel year="2025/26" />);

  const note = await screen.findByRole('note');

  expect(note).toHaveTextContent('Falsi positivi e falsi negativi: non disponibili');
  expect(note).toHaveTextContent('2025/26');
  const panel = screen.getByRole('region', { name: 'Segnalati e livello 2 o 3 per sesso' });
  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));
  expect(
    within(panel)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Sesso', 'Studenti', 'Segnalati (%)', 'Al livello 2 o 3 (%)']);
});

test('FairnessPanel: when a group is under the threshold, then its students read <10, its shares n.d., and the legend explains', async () => {
  const user = userEvent.setup();
  const report = aFairnessReport();
  server.use(
    http.get('/api/fairness', () =>
      HttpResponse.json({
        ...report,
        groups: report.groups.map((g) =>
          g.group === 'neo_arrivato'
            ? {
                ...g,
                students: '<10',
                suppressed: true,
                shareFlagged: null,
                shareTier2plus: null,
                falsePositiveRate: null,
                falseNegativeRate: null,
              }
            : g,
        ),
      }),
    ),
  );
  renderWithProviders(<FairnessPanel year={undefined} />);
  const panel = await screen.findByRole('region', { name: 'Segnalati e livello 2 o 3 per gruppo di cittadinanza' });

  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  const nai = within(panel).getByRole('row', { name: /Neo-arrivati/ });
  expect(
    within(nai)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['<10', 'n.d.', 'n.d.', 'n.d.', 'n.d.']);
  expect(within(panel).getByText(/meno di 10 studenti/)).toBeInTheDocument();
});

test('FairnessPanel: when the comparison with the previous year is ticked, then each group shows both years, the previous one labelled with its snapshot date and <10 / n.d. where suppressed', async () => {
  const user = userEvent.setup();
  renderWithProviders(<FairnessPanel year={undefined} />);
  const toggle = await screen.findByRole('checkbox', { name: 'Confronta con l’anno precedente alla stessa data' });

  await user.click(toggle);
  const panel = screen.getByRole('region', { name: 'Segnalati e livello 2 o 3 per gruppo di cittadinanza' });
  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  await within(panel).findByRole('columnheader', { name: 'Studenti (2024/25 al 31/01/2025)' });
  const headers = within(within(panel).getByRole('table'))
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
  expect(headers.slice(0, 5)).toEqual([
    'Gruppo di cittadinanza',
    'Studenti (2025/26)',
    'Studenti (2024/25 al 31/01/2025)',
    'Segnalati (2025/26) (%)',
    'Segnalati (2024/25 al 31/01/2025) (%)',
  ]);
  const nai = within(panel).getByRole('row', { name: /Neo-arrivati/ });
  expect(
    within(nai)
      .getAllByRole('cell')
      .map((c) => c.textContent)
      .slice(0, 4),
  ).toEqual(['62', '<10', '19 %', 'n.d.']);
  expect(screen.getByText(/com’era il 31\/01\/2025/)).toBeInTheDocument();
});
