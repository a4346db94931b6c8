import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { expect, test, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ChangePasswordForm } from './change-password-form';

/** Keeps the bodies posted, then lets the default handler answer. */
function recordPosts(): unknown[] {
  const posted: unknown[] = [];
  server.use(
    http.post('/api/auth/password', async ({ request }) => {
      posted.push(await request.clone().json());
    }),
  );
  return posted;
}

async function fill(current: string, next: string, confirm: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Password attuale'), current);
  await user.type(screen.getByLabelText('Nuova password'), next);
  await user.type(screen.getByLabelText('Conferma la nuova password'), confirm);
  await user.click(screen.getByRole('button', { name: 'Cambia password' }));
}

test('ChangePasswordForm: when rendered, then the new password has its hint and password-manager autocomplete', () => {
  renderWithProviders(<ChangePasswordForm onChanged={() => {}} />);

  expect(screen.getByLabelText('Password attuale')).toHaveAttribute('autocomplete', 'current-password');
  expect(screen.getByLabelText('Nuova password')).toHaveAttribute('autocomplete', 'new-password');
  expect(screen.getByLabelText('Nuova password')).toHaveAccessibleDescription(/Almeno 12 caratteri/);
});

test('ChangePasswordForm: when the confirmation differs, then nothing is sent and the field says why', async () => {
  const posted = recordPosts();
  renderWithProviders(<ChangePasswordForm onChanged={() => {}} />);

  await fill('demo-primm', 'una frase lunga e mia', 'una frase lunga e tua');

  const confirm = screen.getByLabelText('Conferma la nuova password');
  expect(confirm).toHaveAttribute('aria-invalid', 'true');
  expect(confirm).toHaveAccessibleDescription('Le due password non coincidono.');
  expect(confirm).toHaveFocus();
  expect(posted).toEqual([]);
});

test('ChangePasswordForm: when the server refuses the current password (400), then its message is shown by the field', async () => {
  const onChanged = vi.fn();
  renderWithProviders(<ChangePasswordForm onChanged={onChanged} />);

  await fill('sbagliata', 'una frase lunga e mia', 'una frase lunga e mia');

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('La password non è stata cambiata.');
  expect(alert).toHaveFocus();
  const current = screen.getByLabelText('Password attuale');
  expect(current).toHaveAttribute('aria-invalid', 'true');
  expect(current).toHaveAccessibleDescription('password attuale non corretta');
  expect(onChanged).not.toHaveBeenCalled();
});

test('ChangePasswordForm: when the password is changed, then the new one is sent and onChanged is called', async () => {
  const posted = recordPosts();
  const onChanged = vi.fn();
  renderWithProviders(<ChangePasswordForm onChanged={onChanged} />);

  await fill('demo-primm', 'una frase lunga e mia', 'una frase lunga e mia');

  await vi.waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
  expect(posted).toEqual([{ currentPassword: 'demo-primm', newPassword: 'una frase lunga e mia' }]);
});
