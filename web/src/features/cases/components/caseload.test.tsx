import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import type { Caseload as CaseloadBody } from '@primm/shared/contracts/cases';
import { aCaseSummary } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { Caseload } from './caseload';

test('Caseload: when cases arrive in any order, then overdue follow-ups come first and say so in words', async () => {
  const body: CaseloadBody = {
    today: '2026-02-10',
    followUps: [],
    cases: [
      aCaseSummary({
        id: 1,
        student: { ...aCaseSummary().student, lastName: 'Later' },
        nextFollowUp: '2026-03-01',
        overdue: false,
      }),
      aCaseSummary({
        id: 2,
        student: { ...aCaseSummary().student, lastName: 'None' },
        nextFollowUp: null,
        overdue: false,
      }),
      aCaseSummary({
        id: 3,
        student: { ...aCaseSummary().student, lastName: 'Overdue' },
        nextFollowUp: '2026-01-10',
        overdue: true,
      }),
      aCaseSummary({
        id: 4,
        student: { ...aCaseSummary().student, lastName: 'Soon' },
        nextFollowUp: '2026-02-15',
        overdue: false,
      }),
    ],
    flaggedWithoutCase: [],
  };
  server.use(http.get('/api/caseload', () => HttpResponse.json(body)));

  renderWithProviders(<Caseload meId={4} />);

  const table = await screen.findByRole('table', { name: 'Casi aperti: 4' });
  const names = within(table)
    .getAllByRole('rowheader')
    .map((th) => th.textContent);
  expect(names).toEqual(['Overdue Sara', 'Soon Sara', 'Later Sara', 'None Sara']);
  const overdue = within(table).getByRole('row', { name: /Overdue/ });
  expect(overdue).toHaveTextContent('10/01/2026 (scaduta)');
  expect(screen.getByText('Nessuno studente segnalato in attesa di un caso.')).toBeInTheDocument();
});

test('Caseload: when a case is opened from a flag, then the case page opens and the flag leaves the list', async () => {
  const user = userEvent.setup();
  const { router } = renderWithProviders(<Caseload meId={4} />, {
    route: '/casi',
    path: '/casi',
    routes: [{ path: '/casi/:id', element: <p>pagina del caso</p> }],
  });
  const flagged = await screen.findByRole('region', { name: 'Segnalati senza caso' });

  await user.click(within(flagged).getByRole('button', { name: 'Apri un caso da questa segnalazione' }));
  await user.type(
    within(flagged).getByRole('textbox', { name: 'Obiettivo del caso' }),
    'Ridurre le assenze del lunedì',
  );
  await user.click(within(flagged).getByRole('button', { name: 'Apri il caso' }));

  expect(await screen.findByText('pagina del caso')).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/casi/9');
});

/** A caseload on Wednesday 11/03/2026: one overdue case, two follow-ups this week, one next month. */
function aWeekOfFollowUps(): CaseloadBody {
  const student = (id: number, lastName: string) => ({
    id,
    lastName,
    firstName: 'Sara',
    className: '3B',
    classId: 101,
  });
  const followUp = (caseId: number, actionId: number, date: string, lastName: string) => ({
    caseId,
    actionId,
    date,
    actionType: 'family_meeting' as const,
    student: { id: caseId * 100, lastName, firstName: 'Sara' },
  });
  return {
    today: '2026-03-11',
    cases: [
      aCaseSummary({ id: 1, student: student(100, 'Overdue'), nextFollowUp: '2026-02-20', overdue: true }),
      aCaseSummary({
        id: 2,
        student: student(200, 'Thursday'),
        nextFollowUp: '2026-03-12',
        overdue: false,
        schoolName: 'Liceo scientifico Galilei',
        schoolCode: 'MCPS02000B',
      }),
      aCaseSummary({ id: 3, student: student(300, 'April'), nextFollowUp: '2026-04-02', overdue: false }),
    ],
    followUps: [
      followUp(1, 10, '2026-02-20', 'Overdue'),
      followUp(2, 20, '2026-03-12', 'Thursday'),
      followUp(2, 21, '2026-03-15', 'Thursday'),
      followUp(3, 30, '2026-04-02', 'April'),
    ],
    flaggedWithoutCase: [],
  };
}

test("Caseload: when the page opens, then this week's follow-ups come first, the overdue one on top, each linking to its case", async () => {
  server.use(http.get('/api/caseload', () => HttpResponse.json(aWeekOfFollowUps())));

  renderWithProviders(<Caseload meId={4} />);

  const week = await screen.findByRole('region', { name: 'Verifiche di questa settimana' });
  expect(
    within(week).getByText('Dal 09/03/2026 al 15/03/2026, e le verifiche scadute senza una nuova data.'),
  ).toBeInTheDocument();
  const items = within(within(week).getByRole('list', { name: 'Verifiche da fare' })).getAllByRole('listitem');
  expect(items.map((li) => li.textContent)).toEqual([
    'venerdì 20 febbraio (scaduta)Overdue Sara – caso n. 1',
    'giovedì 12 marzoThursday Sara – caso n. 2',
    'domenica 15 marzoThursday Sara – caso n. 2',
  ]);
  expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/casi/1');
  // the regions follow in this order: the week, the cases, the flagged, the calendar, the phone
  expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
    'Verifiche di questa settimana',
    'Segnalati senza caso',
    'Calendario delle verifiche',
    'Le verifiche nel calendario del telefono',
  ]);
  expect(screen.getByRole('table', { name: 'Casi aperti: 3' })).toBeInTheDocument();
});

test('Caseload: when a case lists its school, then by name with the code beside it', async () => {
  server.use(http.get('/api/caseload', () => HttpResponse.json(aWeekOfFollowUps())));

  renderWithProviders(<Caseload meId={4} />);

  const table = await screen.findByRole('table', { name: 'Casi aperti: 3' });
  const row = within(table).getByRole('row', { name: /Thursday Sara/ });
  expect(within(row).getByText(/Liceo scientifico Galilei/)).toHaveTextContent(
    'Liceo scientifico Galilei (MCPS02000B)',
  );
});

test('FollowUpCalendar: when shown by month, then a table of the month with each follow-up on its day; next month and the list say the same in order', async () => {
  const user = userEvent.setup();
  server.use(http.get('/api/caseload', () => HttpResponse.json(aWeekOfFollowUps())));
  renderWithProviders(<Caseload meId={4} />);
  const calendar = await screen.findByRole('region', { name: 'Calendario delle verifiche' });

  const month = within(calendar).getByRole('table', { name: 'Verifiche di marzo 2026' });
  expect(
    within(month)
      .getAllByRole('columnheader')
      .map((th) => th.textContent),
  ).toEqual(['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom']);
  const today = within(month)
    .getAllByRole('cell')
    .find((td) => td.getAttribute('aria-current') === 'date')!;
  expect(today).toHaveTextContent('mercoledì 11 marzo, oggi, nessuna verifica');
  // the grid runs Monday 23/02 to Sunday 05/04: the days of the months around show theirs too
  expect(
    within(month)
      .getAllByRole('link')
      .map((a) => [a.textContent, a.getAttribute('href')]),
  ).toEqual([
    ['ThursdayThursday Sara, caso n. 2', '/casi/2'],
    ['ThursdayThursday Sara, caso n. 2', '/casi/2'],
    ['AprilApril Sara, caso n. 3', '/casi/3'],
  ]);

  await user.click(within(calendar).getByRole('button', { name: 'Mese successivo' }));
  const april = within(calendar).getByRole('table', { name: 'Verifiche di aprile 2026' });
  expect(within(april).getByRole('link', { name: 'April Sara, caso n. 3' })).toHaveAttribute('href', '/casi/3');

  await user.click(within(calendar).getByRole('button', { name: 'Elenco' }));
  expect(within(calendar).getByRole('button', { name: 'Elenco' })).toHaveAttribute('aria-pressed', 'true');
  expect(within(calendar).queryByRole('table')).not.toBeInTheDocument();
  expect(within(calendar).getByRole('link', { name: 'April Sara, caso n. 3' })).toBeInTheDocument();
  expect(within(calendar).getByText(/giovedì 2 aprile/)).toBeInTheDocument();

  await user.click(within(calendar).getByRole('button', { name: 'Oggi' }));
  await user.click(within(calendar).getByRole('button', { name: 'Settimana' }));
  const week = within(calendar).getByRole('table', { name: 'Verifiche dal 09/03/2026 al 15/03/2026' });
  expect(within(week).getAllByRole('row')).toHaveLength(2); // the weekdays and one week
  expect(within(week).getAllByRole('link')).toHaveLength(2);
});

test('FollowUpCalendar: when tabbing through the month, then only the follow-ups are stops, in date order', async () => {
  const user = userEvent.setup();
  server.use(
    http.get('/api/caseload', () => HttpResponse.json({ ...aWeekOfFollowUps(), cases: [], flaggedWithoutCase: [] })),
  );
  renderWithProviders(<Caseload meId={4} />);
  const calendar = await screen.findByRole('region', { name: 'Calendario delle verifiche' });
  await within(screen.getByRole('region', { name: 'Le verifiche nel calendario del telefono' })).findByRole('button', {
    name: "Crea l'indirizzo del calendario",
  });
  within(calendar).getByRole('button', { name: 'Mese successivo' }).focus();

  await user.tab();
  expect(document.activeElement).toHaveAttribute('href', '/casi/2'); // Thursday 12
  await user.tab();
  expect(document.activeElement).toHaveAttribute('href', '/casi/2'); // Sunday 15
  await user.tab();
  expect(document.activeElement).toHaveAttribute('href', '/casi/3'); // Thursday 02/04, in the grid's last week
  await user.tab();
  expect(document.activeElement).toHaveTextContent("Crea l'indirizzo del calendario"); // out of the grid
});

test('Caseload: when a flagged student had cases before, then the closed cases are listed with their outcome', async () => {
  server.use(
    http.get('/api/caseload', () =>
      HttpResponse.json<CaseloadBody>({
        ...aWeekOfFollowUps(),
        flaggedWithoutCase: [
          {
            studentId: 1002,
            lastName: 'Hoxha',
            firstName: 'Arben',
            className: '3B',
            schoolCode: 'ANIS00800L',
            schoolName: 'IIS Vanvitelli Stracca Angelini',
            flagId: 5,
            reasonCode: 'assenze',
            reason: 'di nuovo assente il lunedì',
            flaggedAt: '2026-03-09T08:00:00.000Z',
            flaggedBy: 'Docente dimostrativo',
            pastCases: [{ id: 3, closedAt: '2025-12-18T11:00:00.000Z', outcome: 'back_on_track' }],
          },
        ],
      }),
    ),
  );

  renderWithProviders(<Caseload meId={4} />);

  const flagged = await screen.findByRole('region', { name: 'Segnalati senza caso' });
  expect(
    within(flagged).getByRole('link', { name: 'caso n. 3, chiuso il 18/12/2025 (Tornato/a in pari)' }),
  ).toHaveAttribute('href', '/casi/3');
  expect(within(flagged).getByText(/IIS Vanvitelli Stracca Angelini/)).toHaveTextContent(
    'IIS Vanvitelli Stracca Angelini (ANIS00800L)',
  );
});
