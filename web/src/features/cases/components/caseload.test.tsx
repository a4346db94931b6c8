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
      aCaseSummary({ id: 1, student: { ...aCaseSummary().student, lastName: 'Later' }, nextFollowUp: '2026-03-01', overdue: false }),
      aCaseSummary({ id: 2, student: { ...aCaseSummary().student, lastName: 'None' }, nextFollowUp: null, overdue: false }),
      aCaseSummary({ id: 3, student: { ...aCaseSummary().student, lastName: 'Overdue' }, nextFollowUp: '2026-01-10', overdue: true }),
      aCaseSummary({ id: 4, student: { ...aCaseSummary().student, lastName: 'Soon' }, nextFollowUp: '2026-02-15', overdue: false }),
    ],
    flaggedWithoutCase: [],
  };
  server.use(http.get('/api/caseload', () => HttpResponse.json(body)));

  renderWithProviders(<Caseload meId={4} />);

  const table = await screen.findByRole('table', { name: 'Casi aperti: 4' });
  const names = within(table).getAllByRole('rowheader').map((th) => th.textContent);
  expect(names).toEqual(['Overdue Sara', 'Soon Sara', 'Later Sara', 'None Sara']);
  const overdue = within(table).getByRole('row', { name: /Overdue/ });
  expect(overdue).toHaveTextContent('10/01/2026 (scaduta)');
  expect(screen.getByText('Nessuno studente segnalato in attesa di un caso.')).toBeInTheDocument();
});

test('Caseload: when a case is opened from a flag, then the case page opens and the flag leaves the list', async () => {
  const user = userEvent.setup();
  const { router } = renderWithProviders(<Caseload meId={4} />, { route: '/casi', path: '/casi', routes: [{ path: '/casi/:id', element: <p>pagina del caso</p> }] });
  const flagged = await screen.findByRole('region', { name: 'Segnalati senza caso' });

  await user.click(within(flagged).getByRole('button', { name: 'Apri un caso da questa segnalazione' }));
  await user.type(within(flagged).getByRole('textbox', { name: 'Obiettivo del caso' }), 'Ridurre le assenze del lunedì');
  await user.click(within(flagged).getByRole('button', { name: 'Apri il caso' }));

  expect(await screen.findByText('pagina del caso')).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/casi/9');
});
