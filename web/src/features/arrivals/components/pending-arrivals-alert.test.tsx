import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { PendingArrivalsAlert } from './pending-arrivals-alert';

test('PendingArrivalsAlert: when an arrival is unanswered past 15 days, then the mediator is told which case and which school', async () => {
  renderWithProviders(<PendingArrivalsAlert />);

  const alert = await screen.findByRole('region', { name: '1 arrivo senza risposta da oltre 15 giorni' });

  expect(within(alert).getByRole('link', { name: 'Bianchi Luca' })).toHaveAttribute('href', '/casi/12');
  expect(alert).toHaveTextContent('IPSIA CAPPANNARI (ANRI01000X), riorientato/a il 01/12/2025');
});

test('PendingArrivalsAlert: when every arrival is still within its 15 days, then nothing is shown', async () => {
  let asked = false;
  server.use(
    http.get('/api/arrivals', () => {
      asked = true;
      return HttpResponse.json({ today: '2026-01-20', incoming: [], outgoing: [] });
    }),
  );

  const { container } = renderWithProviders(<PendingArrivalsAlert />);

  await expect.poll(() => asked).toBe(true);
  expect(container).toBeEmptyDOMElement();
});
