import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { server } from '../../../testing/server';
import { renderWithProviders } from '../../../testing/render';
import { OpenDataPage } from './open-data-page';

test('OpenDataPage: when a release is published, then its tables with the symbols as published, the licence and the downloads', async () => {
  renderWithProviders(<OpenDataPage selected={undefined} />);

  const levels = await screen.findByRole('table', { name: /Livelli di attenzione per provincia/ });
  const ancona = within(levels).getByRole('row', { name: /Ancona/ });
  expect(
    within(ancona)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['60', '20', '<10']);
  expect(within(levels).getByRole('row', { name: /Marche \(totale\)/ })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute(
    'href',
    'https://creativecommons.org/licenses/by/4.0/',
  );
  expect(screen.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute('href', '/api/open-data/releases/1/csv');
  expect(screen.getByRole('link', { name: 'Metadati (DCAT-AP_IT)' })).toHaveAttribute(
    'href',
    '/api/open-data/releases/1/metadata',
  );
});

test('OpenDataPage: when nothing is published, then it says so', async () => {
  server.use(http.get('/api/open-data/releases', () => HttpResponse.json({ releases: [] })));

  renderWithProviders(<OpenDataPage selected={undefined} />);

  expect(await screen.findByText('Non è ancora stato pubblicato nessun dato.')).toBeInTheDocument();
});

test('OpenDataPage: when the asked release does not exist, then the error is shown', async () => {
  renderWithProviders(<OpenDataPage selected={99} />);

  expect(await screen.findByRole('alert')).toBeInTheDocument();
});
