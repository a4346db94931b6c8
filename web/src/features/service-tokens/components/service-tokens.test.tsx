import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { mockServiceTokenSecret } from '../../../testing/handlers/service-tokens';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ServiceTokens } from './service-tokens';

test('ServiceTokens: when the admin creates a token, then it is shown once with a copy button, and the list shows it never used', async () => {
  const user = userEvent.setup();
  const posted: unknown[] = [];
  server.use(http.post('/api/service-tokens', async ({ request }) => void posted.push(await request.clone().json())));
  renderWithProviders(<ServiceTokens />);
  await screen.findByRole('table', { name: 'Token di servizio: 1' });

  await user.type(screen.getByRole('textbox', { name: 'Nome (chi lo usa)' }), 'Registro ANPS');
  await user.type(
    screen.getByRole('textbox', { name: 'Codici meccanografici delle scuole' }),
    'anps03000e, ANIS00800L',
  );
  await user.click(screen.getByRole('button', { name: 'Crea token' }));

  const status = await screen.findByRole('status');
  expect(status).toHaveTextContent(mockServiceTokenSecret);
  expect(within(status).getByRole('button', { name: 'Copia il token' })).toBeInTheDocument();
  expect(posted).toEqual([{ name: 'Registro ANPS', schools: ['ANPS03000E', 'ANIS00800L'] }]);
  const table = await screen.findByRole('table', { name: 'Token di servizio: 2' });
  expect(within(table).getByRole('row', { name: /Registro ANPS/ })).toHaveTextContent('mai usato');
  expect(table).not.toHaveTextContent(mockServiceTokenSecret);

  await user.click(within(status).getByRole('button', { name: "Fatto, l'ho copiato" }));

  expect(screen.queryByText(mockServiceTokenSecret)).not.toBeInTheDocument();
});

test('ServiceTokens: when the admin revokes a token and confirms, then the row says revoked', async () => {
  const user = userEvent.setup();
  renderWithProviders(<ServiceTokens />);
  const table = await screen.findByRole('table', { name: 'Token di servizio: 1' });

  await user.click(within(table).getByRole('button', { name: 'Revoca Registro ANIS00800L' }));
  await user.click(within(table).getByRole('button', { name: 'Conferma la revoca di Registro ANIS00800L' }));

  expect(await within(table).findByText(/^revocato il/)).toBeInTheDocument();
  expect(within(table).queryByRole('button', { name: /Revoca/ })).not.toBeInTheDocument();
});

test('ServiceTokens: when the server refuses an unknown school, then its message is shown', async () => {
  const user = userEvent.setup();
  server.use(
    http.post('/api/service-tokens', () =>
      HttpResponse.json(errorBody('validation_failed', 'Scuole inesistenti: XXXX00000X'), { status: 400 }),
    ),
  );
  renderWithProviders(<ServiceTokens />);
  await screen.findByRole('table', { name: 'Token di servizio: 1' });

  await user.type(screen.getByRole('textbox', { name: 'Nome (chi lo usa)' }), 'Registro');
  await user.type(screen.getByRole('textbox', { name: 'Codici meccanografici delle scuole' }), 'XXXX00000X');
  await user.click(screen.getByRole('button', { name: 'Crea token' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('Scuole inesistenti: XXXX00000X');
});
