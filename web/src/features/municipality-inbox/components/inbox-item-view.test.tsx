import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { routes } from '../../../app/router';
import { demoMe } from '../../../testing/fixtures';
import { startMockSession } from '../../../testing/handlers/auth';
import { renderRoutes } from '../../../testing/render';
import { server } from '../../../testing/server';

beforeAll(() => Promise.all([import('../../../app/routes/municipality-inbox-item')]));

test('InboxItemView: when the office records date and protocol, then the item shows the receipt and the measures form', async () => {
  startMockSession(demoMe.comune);
  const user = userEvent.setup();
  renderRoutes(routes, { route: '/casella/1' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Segnalazione: Bianchi Sara' })).toBeInTheDocument();
  expect(screen.getByText('16 giorni', { exact: false })).toBeInTheDocument();
  await user.type(screen.getByRole('textbox', { name: 'Numero di protocollo' }), '2026/123');
  await user.click(screen.getByRole('button', { name: 'Registra la ricezione' }));

  expect(await screen.findByText(/Ricevuta dal comune il .*, protocollo 2026\/123/)).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 2, name: 'Provvedimenti adottati' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Aggiungi' })).toBeInTheDocument();
});

test('InboxItemView: when the item is not the office’s, then the refusal is shown, not a form', async () => {
  startMockSession(demoMe.comune);
  server.use(
    http.get('/api/municipality-inbox/:id', () =>
      HttpResponse.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 }),
    ),
  );
  renderRoutes(routes, { route: '/casella/9' });

  expect(await screen.findByRole('alert')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Registra la ricezione' })).toBeNull();
});
