import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, onTestFinished, test } from 'vitest';
import type { StudentDetail } from '@primm/shared/contracts/students';
import { Component as StudentPage } from '../../../app/routes/student';
import { aFlag, aStudentDetail, demoMe } from '../../../testing/fixtures';
import { startMockSession } from '../../../testing/handlers/auth';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { FormerAccessNotice } from './former-access-notice';

/** The paths the page asked for, to tell that a panel never asked at all. */
function recordRequests(): string[] {
  const paths: string[] = [];
  const listener = ({ request }: { request: Request }) => void paths.push(new URL(request.url).pathname);
  server.events.on('request:start', listener);
  onTestFinished(() => {
    server.events.removeListener('request:start', listener);
  });
  return paths;
}

/** Student 1002 as the server answers a reader with that access, with one flag not yet answered by a case. */
function aStudentSeenAs(access: StudentDetail['access']) {
  server.use(
    http.get('/api/students/:id', () => HttpResponse.json<StudentDetail>(aStudentDetail({ id: 1002, access }))),
    http.get('/api/students/:id/flags', () =>
      HttpResponse.json({ items: [aFlag({ studentId: 1002, caseId: null, resolvedAt: null })] }),
    ),
  );
}

test("Student page: when the referent's school is a former one, then it says since when the view is read-only, and neither the new school's panels nor any form is there or asked for", async () => {
  startMockSession(demoMe.referente);
  aStudentSeenAs({ kind: 'former', until: '2026-01-15' });
  const asked = recordRequests();

  renderWithProviders(<StudentPage />, { path: '/studenti/:id', route: '/studenti/1002' });

  const notice = await screen.findByRole('note', { name: 'Sola lettura' });
  expect(notice).toHaveTextContent(
    "Dal 15/01/2026 lo studente è seguito da un'altra scuola o classe: vedete in sola lettura quanto la vostra scuola aveva registrato prima.",
  );
  // What the school wrote before stays readable…
  const flags = await screen.findByRole('list', { name: 'Segnalazioni, dalla più recente' });
  expect(within(flags).getAllByRole('listitem')).toHaveLength(1);
  expect(await screen.findByRole('heading', { name: 'Note' })).toBeInTheDocument();
  // …and nothing that the server would refuse with a 403 is offered.
  expect(screen.queryByRole('button', { name: 'Segnala' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Aggiungi la nota' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Apri un caso/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('region', { name: 'Obbligo e frequenza' })).not.toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(asked.filter((p) => /\/(risk|compulsory)$/.test(p))).toEqual([]);
});

test("Student page: when the referent's school holds the student now, then no notice, and the panels and forms are there", async () => {
  startMockSession(demoMe.referente);
  aStudentSeenAs({ kind: 'current', until: null });

  renderWithProviders(<StudentPage />, { path: '/studenti/:id', route: '/studenti/1002' });

  expect(await screen.findByRole('region', { name: 'Obbligo e frequenza' })).toBeInTheDocument();
  const actions = await screen.findByRole('complementary', { name: 'Azioni' });
  expect(within(actions).getByRole('button', { name: 'Segnala come a rischio…' })).toBeInTheDocument();
  expect(within(actions).getByRole('button', { name: 'Aggiungi una nota…' })).toBeInTheDocument();
  expect(await screen.findByRole('button', { name: 'Apri un caso da questa segnalazione' })).toBeInTheDocument();
  expect(screen.queryByRole('note', { name: 'Sola lettura' })).not.toBeInTheDocument();
});

test('FormerAccessNotice: when the former access carries no date, then it says so without one', async () => {
  aStudentSeenAs({ kind: 'former', until: null });

  renderWithProviders(<FormerAccessNotice studentId={1002} />);

  expect(await screen.findByRole('note', { name: 'Sola lettura' })).toHaveTextContent(
    /^Sola letturaLo studente è seguito da un'altra scuola o classe/,
  );
});
