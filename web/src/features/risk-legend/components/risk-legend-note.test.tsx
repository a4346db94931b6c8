import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import type { RiskLegend } from '@primm/shared/contracts/risk-legend';
import { i18n } from '../../../lib/i18n';
import { mockRiskLegend, notValidatedLegend } from '../../../testing/handlers/risk-legend';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { RiskLegendNote } from './risk-legend-note';

const legendAnswers = (body: RiskLegend) => server.use(http.get('/api/risk/legend', () => HttpResponse.json(body)));

async function lines() {
  const note = await screen.findByRole('complementary', {
    name: /Che cosa significano i livelli|What the levels mean/,
  });
  return [...note.querySelectorAll('li, p')].map((el) => el.textContent);
}

test('RiskLegendNote: when the region has a saved backtest, then each level says what it meant, in tenths or hundredths, with its source', async () => {
  renderWithProviders(<RiskLegendNote />);

  expect(await lines()).toEqual([
    'Livello 1: nel 2024/25, 8 studenti su 100 a questo livello non sono stati ammessi o hanno lasciato',
    'Livello 2: nel 2024/25, 3 studenti su 10 con questi segnali non sono stati ammessi o hanno lasciato',
    'Livello 3: nel 2024/25, 6 studenti su 10 con questi segnali non sono stati ammessi o hanno lasciato',
    'Verifica sui dati della regione: 2.971 studenti del 2024/25, con ciò che si sapeva al 31/01/2025.',
  ]);
});

test('RiskLegendNote: when the page is in English, then the same legend is worded in English', async () => {
  renderWithProviders(<RiskLegendNote levels={[3]} />);
  await i18n.changeLanguage('en');

  expect(
    await screen.findByText('Level 3: in 2024/25, 6 in 10 students with these signals were not admitted or left'),
  ).toBeInTheDocument();
  expect(await lines()).toEqual([
    'Level 3: in 2024/25, 6 in 10 students with these signals were not admitted or left',
    "Checked on the region's data: 2,971 students of 2024/25, as known on 31/01/2025.",
  ]);
  await i18n.changeLanguage('it');
});

test("RiskLegendNote: when only the student's level is asked, then only its line", async () => {
  renderWithProviders(<RiskLegendNote levels={[2]} />);

  expect((await lines())[0]).toBe(
    'Livello 2: nel 2024/25, 3 studenti su 10 con questi segnali non sono stati ammessi o hanno lasciato',
  );
  expect(await lines()).toHaveLength(2);
});

test('RiskLegendNote: when a level was too small to publish, or one student in ten, or almost none, then the sentence says so in the singular or as "meno di 1"', async () => {
  legendAnswers({
    ...mockRiskLegend,
    levels: [
      { level: 1, n: 3000, badRate: 0.002, ciLow: 0.001, ciHigh: 0.004 },
      { level: 2, n: 200, badRate: 0.1, ciLow: 0.07, ciHigh: 0.15 },
      { level: 3, n: null, badRate: null, ciLow: null, ciHigh: null },
    ],
  });
  renderWithProviders(<RiskLegendNote />);

  expect((await lines()).slice(0, 3)).toEqual([
    'Livello 1: nel 2024/25, meno di 1 studente su 100 a questo livello non è stato ammesso o ha lasciato',
    'Livello 2: nel 2024/25, 10 studenti su 100 con questi segnali non sono stati ammessi o hanno lasciato',
    'Livello 3: nel 2024/25 gli studenti a questo livello erano troppo pochi per dirlo',
  ]);
});

test("RiskLegendNote: when no backtest was saved, then the levels are said to be not yet validated on the region's data", async () => {
  legendAnswers(notValidatedLegend);
  renderWithProviders(<RiskLegendNote />);

  expect(await lines()).toEqual(['I livelli non sono ancora stati verificati sui dati della regione']);
});

test('RiskLegendNote: when the legend cannot be read, then a short note says it is unavailable, never a validation it does not have', async () => {
  server.use(
    http.get('/api/risk/legend', () =>
      HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }),
    ),
  );
  renderWithProviders(<RiskLegendNote />);

  expect(await screen.findByText('La legenda dei livelli non è disponibile in questo momento.')).toBeInTheDocument();
  expect(screen.queryByText(/verificat/)).not.toBeInTheDocument();
});
