import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ProvincesOverview } from './provinces-overview';

// The chart is lazy: its module loads here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() => import('./students-by-province-chart'));

test('ProvincesOverview: when provinces load, then the table has a total and the chart is an image with a text alternative', async () => {
  renderWithProviders(<ProvincesOverview />);

  const table = await screen.findByRole('table', { name: 'Scuole e studenti per provincia' });
  expect(within(table).getByRole('rowheader', { name: 'Pesaro e Urbino' })).toBeInTheDocument();
  const total = within(table).getByRole('row', { name: /Totale regione/ });
  expect(within(total).getByRole('cell', { name: '121' })).toBeInTheDocument();
  expect(await screen.findByRole('img', { name: /Grafico a barre degli studenti per provincia/ })).toBeInTheDocument();
});

test('ProvincesOverview: when the total is shown, then the one definition of students counted is stated under it', async () => {
  renderWithProviders(<ProvincesOverview />);

  await screen.findByRole('table', { name: 'Scuole e studenti per provincia' });
  expect(
    screen.getByText(/^Studenti contati: chi è stato iscritto almeno un giorno nell’anno scolastico/),
  ).toBeInTheDocument();
});

test('ProvincesOverview: when no province has data, then the empty state is shown', async () => {
  server.use(http.get('/api/provinces', () => HttpResponse.json({ items: [] })));

  renderWithProviders(<ProvincesOverview />);

  expect(await screen.findByText('Nessuna provincia con dati.')).toBeInTheDocument();
});

test('ProvincesOverview: when the body breaks the contract, then it is reported as a service error', async () => {
  server.use(http.get('/api/provinces', () => HttpResponse.json({ items: [{ code: 'XX' }] })));

  renderWithProviders(<ProvincesOverview />);

  expect(await screen.findByRole('alert')).toHaveTextContent('Errore del servizio.');
});
