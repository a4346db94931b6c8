import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { notValidatedLegendHandler } from '../../../testing/handlers/risk-legend';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { RiskLegendNote } from './risk-legend-note';

test('RiskLegendNote: when a backtest was saved, then each level says its bad-outcome share on that year, level 3 first', async () => {
  renderWithProviders(<RiskLegendNote />);

  const legend = await screen.findByRole('complementary', { name: 'Che cosa vuol dire ogni livello' });
  expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    'Livello 3: 58 % con esito negativo (tra 49 % e 66 %; 120 studenti)',
    'Livello 2: 21 % con esito negativo (tra 17 % e 26 %; 350 studenti)',
    'Livello 1: 4 % con esito negativo (tra 3 % e 5 %; 2.480 studenti)',
  ]);
  expect(legend).toHaveTextContent("Misurato sull'anno 2024/25 (2.950 studenti)");
});

test('RiskLegendNote: when no backtest was saved, then it says the levels are not validated on the region\'s data', async () => {
  server.use(notValidatedLegendHandler);

  renderWithProviders(<RiskLegendNote />);

  const legend = await screen.findByRole('complementary', { name: 'Che cosa vuol dire ogni livello' });
  expect(legend).toHaveTextContent('I livelli non sono ancora stati verificati sui dati della regione');
  expect(within(legend).queryAllByRole('listitem')).toHaveLength(0);
});
