import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { oneTimePassword } from '../../../testing/handlers/users';
import { server } from '../../../testing/server';
import { CreateUserForm } from './create-user-form';
import { UserList } from './user-list';

function renderUsersPage(actorRole: 'admin' | 'referente' = 'admin') {
  return renderWithProviders(
    <>
      <UserList actor={{ id: 1, role: actorRole }} />
      <CreateUserForm actorRole={actorRole} />
    </>,
  );
}

/** Counts the list requests and keeps the bodies posted, then lets the default handlers answer. */
function recordRequests() {
  const seen = { listRequests: 0, posted: [] as unknown[] };
  server.use(
    http.get('/api/users', () => {
      seen.listRequests += 1;
    }),
    http.post('/api/users', async ({ request }) => {
      seen.posted.push(await request.clone().json());
    }),
  );
  return seen;
}

test('CreateUserForm: when an admin creates a teacher, then the one-time password is shown once and the list reloads', async () => {
  const user = userEvent.setup();
  const seen = recordRequests();
  renderUsersPage();
  await screen.findByRole('table', { name: 'Utenti: 6' });
  const form = screen.getByRole('region', { name: 'Nuovo utente' });

  await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'mario.rossi@scuola.it');
  await user.type(within(form).getByRole('textbox', { name: 'Nome e cognome' }), 'Mario Rossi');
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Ruolo' }), 'Docente');
  await user.selectOptions(await within(form).findByRole('listbox', { name: 'Scuole delle classi' }), 'ANIS00800L');
  const classes = within(form).getByRole('listbox', { name: 'Classi' });
  await within(classes).findByRole('option', { name: '3B (2025/26)' });
  await user.selectOptions(classes, '3B (2025/26)');
  await user.click(within(form).getByRole('button', { name: 'Crea utente' }));

  const status = await within(form).findByRole('status');
  expect(status).toHaveTextContent('Utente mario.rossi@scuola.it creato.');
  expect(within(status).getByText(oneTimePassword)).toBeInTheDocument();
  expect(status).toHaveTextContent('Viene mostrata solo ora');
  expect(status).toHaveFocus();
  expect(screen.getAllByText(oneTimePassword)).toHaveLength(1);
  expect(seen.posted).toEqual([
    {
      email: 'mario.rossi@scuola.it',
      displayName: 'Mario Rossi',
      role: 'docente',
      schools: [],
      classIds: [101],
      municipalities: [],
    },
  ]);
  expect(seen.listRequests).toBe(2);
  expect(within(form).getByRole('textbox', { name: 'Email' })).toHaveValue('');

  await user.click(within(status).getByRole('button', { name: "Fatto, l'ho consegnata" }));

  expect(screen.queryByText(oneTimePassword)).not.toBeInTheDocument();
});

test('CreateUserForm: when the copy button is pressed, then the password goes to the clipboard', async () => {
  const user = userEvent.setup();
  renderUsersPage();
  const form = screen.getByRole('region', { name: 'Nuovo utente' });
  await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'analista2@usr.it');
  await user.type(within(form).getByRole('textbox', { name: 'Nome e cognome' }), 'Anna Neri');
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Ruolo' }), 'Analista');
  await user.click(within(form).getByRole('button', { name: 'Crea utente' }));
  const status = await within(form).findByRole('status');

  await user.click(within(status).getByRole('button', { name: 'Copia la password' }));

  expect(await navigator.clipboard.readText()).toBe(oneTimePassword);
  expect(status).toHaveTextContent('Password copiata negli appunti.');
});

test('CreateUserForm: when the email already exists, then the conflict message is shown and focused', async () => {
  const user = userEvent.setup();
  renderUsersPage();
  const form = screen.getByRole('region', { name: 'Nuovo utente' });

  await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'referente@demo.primm.it');
  await user.type(within(form).getByRole('textbox', { name: 'Nome e cognome' }), 'Doppione');
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Ruolo' }), 'Referente');
  await user.selectOptions(await within(form).findByRole('listbox', { name: 'Scuole' }), 'ANIS00800L');
  await user.click(within(form).getByRole('button', { name: 'Crea utente' }));

  const alert = await within(form).findByRole('alert');
  expect(alert).toHaveTextContent('Esiste già un utente con questa email.');
  expect(alert).toHaveFocus();
  expect(within(form).queryByRole('status')).not.toBeInTheDocument();
});

test('CreateUserForm: when a referent creates a user, then only teacher, mediator and referent are offered', () => {
  renderUsersPage('referente');

  const role = screen.getByRole('combobox', { name: 'Ruolo' });
  expect(
    within(role)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['Docente', 'Mediatore', 'Referente']);
});

test("UserList: when users load, then the table shows role, schools, the teachers' classes by name and disabled accounts", async () => {
  renderUsersPage();

  const table = await screen.findByRole('table', { name: 'Utenti: 6' });
  const mediator = within(table).getByRole('row', { name: /mediatore@demo/ });
  expect(within(mediator).getByRole('cell', { name: 'Mediatore' })).toBeInTheDocument();
  expect(within(mediator).getByRole('cell', { name: 'ANIS00800L, MCPS02000B' })).toBeInTheDocument();
  const teacher = within(table).getByRole('row', { name: /^docente@demo/ });
  expect(within(teacher).getByRole('cell', { name: '3B, 1A (ANIS00800L 2025/26)' })).toBeInTheDocument();
  const former = within(table).getByRole('row', { name: /ex\.docente/ });
  expect(within(former).getByRole('cell', { name: '02/09/2024 10:00:00' })).toBeInTheDocument();
  expect(within(former).getByRole('cell', { name: 'Disattivato' })).toBeInTheDocument();
  expect(within(former).getByRole('button', { name: 'Riattiva ex.docente@scuola.it' })).toBeInTheDocument();
  expect(within(table).getByRole('columnheader', { name: 'Email' })).toHaveAttribute('scope', 'col');
});

test('CreateUserForm: when the admin creates a PUA account with a municipality found by name, then its ISTAT code is sent and the list shows it by name', async () => {
  const user = userEvent.setup();
  const seen = recordRequests();
  renderUsersPage();
  await screen.findByRole('table', { name: 'Utenti: 6' });
  const form = screen.getByRole('region', { name: 'Nuovo utente' });

  await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'pua@ats.it');
  await user.type(within(form).getByRole('textbox', { name: 'Nome e cognome' }), 'Sportello PUA');
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Ruolo' }), 'pua');
  await user.type(await within(form).findByRole('searchbox', { name: /Cerca un comune/ }), 'senig');
  await user.click(within(form).getByRole('checkbox', { name: 'Senigallia (AN, 042045)' }));
  const chosen = within(form).getByRole('list', { name: 'Comuni scelti' });
  expect(within(chosen).getByRole('checkbox', { name: 'Senigallia (AN, 042045)' })).toBeChecked();
  await user.click(within(form).getByRole('button', { name: 'Crea utente' }));

  await within(form).findByRole('status');
  expect(seen.posted).toEqual([
    expect.objectContaining({ role: 'pua', schools: [], classIds: [], municipalities: ['042045'] }),
  ]);
  const table = await screen.findByRole('table', { name: 'Utenti: 7' });
  const row = within(table).getByRole('row', { name: /^pua@ats\.it/ });
  expect(within(row).getByRole('cell', { name: 'Senigallia (042045)' })).toBeInTheDocument();
});

test('CreateUserForm: when the admin picks a role, then every role is offered, PUA and comune with their municipalities instead of schools', async () => {
  const user = userEvent.setup();
  renderUsersPage();
  const form = screen.getByRole('region', { name: 'Nuovo utente' });

  const role = within(form).getByRole('combobox', { name: 'Ruolo' });
  await user.selectOptions(role, 'comune');

  expect(within(role).getAllByRole('option')).toHaveLength(7);
  expect(await within(form).findByRole('group', { name: 'Comuni serviti' })).toBeInTheDocument();
  expect(within(form).queryByRole('listbox', { name: 'Scuole' })).not.toBeInTheDocument();
});

test('CreateUserForm: when a referent creates a user, then no PUA or comune role is offered', () => {
  renderUsersPage('referente');
  const form = screen.getByRole('region', { name: 'Nuovo utente' });

  const offered = within(within(form).getByRole('combobox', { name: 'Ruolo' }))
    .getAllByRole('option')
    .map((o) => o.textContent);

  expect(offered).toEqual(['Docente', 'Mediatore', 'Referente']);
});
