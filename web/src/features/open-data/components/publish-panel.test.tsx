import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { server } from '../../../testing/server';
import { renderWithProviders } from '../../../testing/render';
import { PublishPanel } from './publish-panel';

test('PublishPanel: when the admin publishes the preview, then the previewed data version is sent and the new release is confirmed', async () => {
  let sent: unknown;
  server.use(
    http.post('/api/open-data/releases', async ({ request }) => {
      sent = await request.json();
      return HttpResponse.json(
        { id: 2, schoolYear: '2025/26', publishedAt: '2026-03-03T10:00:00.000Z', title: { it: 't', en: 't' } },
        { status: 201 },
      );
    }),
  );
  renderWithProviders(<PublishPanel />);

  await userEvent.click(await screen.findByRole('button', { name: "Pubblica l'anno 2025/26" }));

  expect(await screen.findByText('Pubblicazione n. 2 fatta.')).toBeInTheDocument();
  expect(sent).toEqual({ year: '2025/26', dataVersion: 7 });
});

test('PublishPanel: when the data changed since the preview, then the refusal is shown', async () => {
  server.use(
    http.post('/api/open-data/releases', () =>
      HttpResponse.json(errorBody('conflict', 'I dati sono cambiati'), { status: 409 }),
    ),
  );
  renderWithProviders(<PublishPanel />);

  await userEvent.click(await screen.findByRole('button', { name: "Pubblica l'anno 2025/26" }));

  expect(await screen.findByRole('alert')).toBeInTheDocument();
});
