import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { aMe } from '../../testing/fixtures';
import { startMockSession } from '../../testing/handlers/auth';
import { renderRoutes } from '../../testing/render';
import { routes } from '../router';

const withOneTimePassword = aMe({
  id: 9,
  email: 'nuovo@scuola.it',
  displayName: 'Nuovo docente',
  role: 'docente',
  mustChangePassword: true,
});

test('RequireSession: when the user signed in with a one-time password, then /scuole sends them to /password with the reason', async () => {
  startMockSession(withOneTimePassword);

  const { router } = renderRoutes(routes, { route: '/scuole' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Cambia password' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/password');
  // (the layout's own live region, for figures being updated, is there too and empty)
  expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain(
    "Hai effettuato l'accesso con una password monouso: scegline una tua per continuare.",
  );
});

test('Password page: when a one-time-password user sets their own, then they land on the home page and may browse', async () => {
  const user = userEvent.setup();
  startMockSession(withOneTimePassword);
  const { router } = renderRoutes(routes, { route: '/scuole' });
  await screen.findByRole('heading', { level: 1, name: 'Cambia password' });

  await user.type(screen.getByLabelText('Password attuale'), 'demo-primm');
  await user.type(screen.getByLabelText('Nuova password'), 'una frase lunga e mia');
  await user.type(screen.getByLabelText('Conferma la nuova password'), 'una frase lunga e mia');
  await user.click(within(screen.getByRole('main')).getByRole('button', { name: 'Cambia password' }));

  // a teacher's home is their classes
  expect(await screen.findByRole('heading', { level: 1, name: 'Le mie classi' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/');
  await user.click(screen.getByRole('link', { name: 'Scuole' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Scuole' })).toBeInTheDocument();
});

test('UserMenu: when Cambia password is followed, then the password page opens without the one-time notice', async () => {
  const user = userEvent.setup();
  renderRoutes(routes, { route: '/scuole' });
  const banner = await screen.findByRole('banner');

  await user.click(await within(banner).findByRole('link', { name: 'Cambia password' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Cambia password' })).toBeInTheDocument();
  expect(screen.queryByText(/password monouso/)).not.toBeInTheDocument();
});

test('Imports page: when a teacher opens it, then the refusal is shown and nothing is requested', async () => {
  startMockSession(aMe({ id: 2, role: 'docente', mustChangePassword: false }));

  renderRoutes(routes, { route: '/importazioni' });

  expect(await screen.findByRole('alert')).toHaveTextContent('Non sei autorizzato');
  expect(screen.queryByLabelText('Scegli cartella')).not.toBeInTheDocument();
});
