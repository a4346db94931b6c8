import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { errorBody } from '../../../testing/fixtures';
import { endMockSession } from '../../../testing/handlers/auth';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { LoginForm, type Credentials } from './login-form';

function ControlledLoginForm() {
  const [value, setValue] = useState<Credentials>({ email: '', password: '' });
  return <LoginForm value={value} onChange={setValue} />;
}

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  renderWithProviders(<ControlledLoginForm />);
  await user.type(screen.getByRole('textbox', { name: 'Email' }), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Accedi' }));
}

test('LoginForm: when rendered, then the fields have visible labels and password-manager autocomplete', () => {
  renderWithProviders(<ControlledLoginForm />);

  expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('autocomplete', 'username');
  expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
  expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
});

test('LoginForm: when the password is wrong, then one translated message is shown and focused', async () => {
  endMockSession();

  await submit('docente@demo.primm.it', 'sbagliata');

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Email o password non corretti.');
  expect(alert).toHaveFocus();
});

test('LoginForm: when too many attempts failed, then the message says how long to wait', async () => {
  server.use(
    http.post('/api/auth/login', () =>
      HttpResponse.json(
        { error: { code: 'rate_limited', message: 'x', details: { retryAfterSeconds: 4 } } },
        { status: 429 },
      ),
    ),
  );

  await submit('docente@demo.primm.it', 'sbagliata');

  expect(await screen.findByRole('alert')).toHaveTextContent('Troppi tentativi non riusciti: riprova tra 4 secondi.');
});

test('LoginForm: when the one-time password has expired, then the message says to ask for a new one', async () => {
  server.use(http.post('/api/auth/login', () => HttpResponse.json(errorBody('password_expired'), { status: 401 })));

  await submit('nuovo@scuola.it', 'monouso-vecchia');

  expect(await screen.findByRole('alert')).toHaveTextContent(/password monouso è scaduta.*chiedine una nuova/);
});

test('LoginForm: when the login answers 401, then it is not treated as an expired session', async () => {
  endMockSession();
  const { router } = renderWithProviders(<ControlledLoginForm />, { route: '/accesso' });
  const user = userEvent.setup();

  await user.type(screen.getByRole('textbox', { name: 'Email' }), 'x@demo.primm.it');
  await user.type(screen.getByLabelText('Password'), 'x');
  await user.click(screen.getByRole('button', { name: 'Accedi' }));

  await screen.findByRole('alert');
  expect(router.state.location.pathname).toBe('/accesso');
});
