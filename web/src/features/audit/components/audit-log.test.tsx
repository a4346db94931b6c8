import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { anAuditEntry } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { AuditLog } from './audit-log';

/** Records the query string of every audit request, then lets the default handler answer. */
function recordAuditQueries(): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  server.use(
    http.get('/api/audit', ({ request }) => {
      seen.push(new URL(request.url).searchParams);
    }),
  );
  return seen;
}

test('AuditLog: when opened, then entries show Italian time, translated action, outcome and request', async () => {
  renderWithProviders(<AuditLog />, { route: '/registro-accessi' });

  const table = await screen.findByRole('table', { name: 'Eventi del registro, dal più recente' });
  const read = within(table).getByRole('row', { name: /03\/02\/2026 09:05:09/ });
  expect(within(read).getByRole('cell', { name: 'Lettura studenti della classe' })).toBeInTheDocument();
  expect(within(read).getByRole('cell', { name: 'GET /api/classes/101/students' })).toBeInTheDocument();
  expect(within(read).getByRole('cell', { name: '1001, 1002, 1003' })).toBeInTheDocument();
  expect(within(read).getByRole('cell', { name: 'Docente' })).toBeInTheDocument();
  const failed = within(table).getByRole('row', { name: /10\.0\.0\.7/ });
  expect(within(failed).getByRole('cell', { name: 'Non riuscito' })).toBeInTheDocument();
  expect(within(table).getAllByRole('row')).toHaveLength(7); // header + 6
});

test("AuditLog: when a line has details, then the admin sees them (the failed login's email, the denial's code)", async () => {
  renderWithProviders(<AuditLog />, { route: '/registro-accessi' });

  const table = await screen.findByRole('table', { name: 'Eventi del registro, dal più recente' });
  expect(within(table).getByRole('columnheader', { name: 'Dettagli' })).toBeInTheDocument();
  const failed = within(table).getByRole('row', { name: /10\.0\.0\.7/ });
  expect(within(failed).getByRole('cell', { name: 'email: docente@demo.primm.it' })).toBeInTheDocument();
  const denied = within(table).getByRole('row', { name: /Accesso negato/ });
  expect(within(denied).getByRole('cell', { name: 'status: 403, code: forbidden' })).toBeInTheDocument();
});

test('AuditLog: when an entry names many students, then the first five show and the others open on demand', async () => {
  const ids = Array.from({ length: 72 }, (_, i) => 2001 + i);
  server.use(
    http.get('/api/audit', () =>
      HttpResponse.json({ items: [anAuditEntry({ action: 'cases.list', studentIds: ids })], nextBefore: null }),
    ),
  );
  const user = userEvent.setup();
  renderWithProviders(<AuditLog />, { route: '/registro-accessi' });

  const more = await screen.findByText('2001, 2002, 2003, 2004, 2005 e altri 67');
  const rest = screen.getByText(/^2006, 2007, .*, 2072$/);
  expect(rest).not.toBeVisible();
  await user.click(more);
  expect(rest).toBeVisible();
});

test('AuditLog: when an action is unknown, then it is shown as recorded', async () => {
  server.use(
    http.get('/api/audit', () =>
      HttpResponse.json({ items: [anAuditEntry({ action: 'report.print' })], nextBefore: null }),
    ),
  );

  renderWithProviders(<AuditLog />, { route: '/registro-accessi' });

  const table = await screen.findByRole('table');
  expect(within(table).getByRole('cell', { name: 'report.print' })).toBeInTheDocument();
});

test('AuditLog: when filters are applied, then the URL and the request carry them', async () => {
  const user = userEvent.setup();
  const seen = recordAuditQueries();
  const { router } = renderWithProviders(<AuditLog />, { route: '/registro-accessi' });
  await screen.findByRole('table');

  await user.selectOptions(screen.getByRole('combobox', { name: 'Azione' }), 'Accesso');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Esito' }), 'Non riuscito');
  await user.type(screen.getByLabelText('Dal'), '2026-02-01');
  await user.click(screen.getByRole('button', { name: 'Filtra' }));

  const table = await screen.findByRole('table');
  await within(table).findByRole('cell', { name: '10.0.0.7' });
  expect(within(table).getAllByRole('row')).toHaveLength(2);
  expect(new URLSearchParams(router.state.location.search)).toEqual(
    new URLSearchParams('action=auth.login&outcome=failed&from=2026-02-01'),
  );
  expect(seen.at(-1)).toEqual(new URLSearchParams('action=auth.login&outcome=failed&from=2026-02-01&limit=50'));
});

test('AuditLog: when opened from a link with filters, then the fields show them and the request uses them', async () => {
  const seen = recordAuditQueries();

  renderWithProviders(<AuditLog />, { route: '/registro-accessi?studentId=1002&outcome=ok&bogus=1&userId=x' });

  await screen.findByRole('table');
  expect(screen.getByRole('combobox', { name: 'Esito' })).toHaveValue('ok');
  expect(seen[0]).toEqual(new URLSearchParams('outcome=ok&studentId=1002&limit=50'));
});

test('AuditLog: when "Carica altri" is pressed, then the next page is appended', async () => {
  const user = userEvent.setup();
  const seen: (string | null)[] = [];
  server.use(
    http.get('/api/audit', ({ request }) => {
      const before = new URL(request.url).searchParams.get('before');
      seen.push(before);
      return before === null
        ? HttpResponse.json({
            items: [anAuditEntry({ id: 9, ip: '10.0.0.9' }), anAuditEntry({ id: 8, ip: '10.0.0.8' })],
            nextBefore: 8,
          })
        : HttpResponse.json({ items: [anAuditEntry({ id: 7, ip: '10.0.0.7' })], nextBefore: null });
    }),
  );
  renderWithProviders(<AuditLog />, { route: '/registro-accessi' });
  const table = await screen.findByRole('table');
  expect(within(table).getAllByRole('row')).toHaveLength(3);

  await user.click(screen.getByRole('button', { name: 'Carica altri' }));

  expect(await within(table).findByRole('cell', { name: '10.0.0.7' })).toBeInTheDocument();
  expect(
    within(table)
      .getAllByRole('row')
      .map((r) => within(r).queryAllByRole('cell').at(-1)?.textContent),
  ).toEqual([undefined, '10.0.0.9', '10.0.0.8', '10.0.0.7']);
  expect(seen).toEqual([null, '8']);
  expect(screen.getByText('3 eventi mostrati')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Carica altri' })).not.toBeInTheDocument();
});

test('AuditLog: when the admin searches a user by e-mail and a student by name, then the request carries the text and the page says whom the lines are about', async () => {
  const user = userEvent.setup();
  const seen = recordAuditQueries();
  renderWithProviders(<AuditLog />, { route: '/registro-accessi' });
  await screen.findByRole('table');

  await user.type(screen.getByRole('searchbox', { name: "Email dell'utente (anche in parte)" }), 'docente@');
  await user.type(screen.getByRole('searchbox', { name: 'Studente (nome, codice fiscale o ID)' }), 'hoxha');
  await user.click(screen.getByRole('button', { name: 'Filtra' }));

  expect(await screen.findByText('Righe che riguardano lo studente trovato: Hoxha Arben (1002).')).toBeInTheDocument();
  expect(seen.at(-1)).toEqual(new URLSearchParams('email=docente%40&student=hoxha&limit=50'));
  const rows = within(await screen.findByRole('table'))
    .getAllByRole('row')
    .slice(1);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toHaveTextContent(/docente@demo\.primm\.it.*1002/);
});

test('AuditLog: when every action is shown, then each has its label (no raw code), and an import line names its school', async () => {
  server.use(
    http.get('/api/audit', () =>
      HttpResponse.json({
        items: [
          anAuditEntry({ id: 2, action: 'aggregates.read' }),
          anAuditEntry({
            id: 1,
            action: 'import.commit',
            details: { schools: [{ code: 'ANIS00800L', id: 1 }], inserted: 120 },
          }),
        ],
        nextBefore: null,
      }),
    ),
  );

  renderWithProviders(<AuditLog />, { route: '/registro-accessi' });

  const table = await screen.findByRole('table');
  expect(within(table).getByRole('cell', { name: 'Lettura dei dati aggregati' })).toBeInTheDocument();
  expect(within(table).queryByText('aggregates.read')).not.toBeInTheDocument();
  const importRow = within(table).getByRole('row', { name: /Importazione dati/ });
  expect(within(importRow).getByRole('cell', { name: 'ANIS00800L' })).toBeInTheDocument();
});
