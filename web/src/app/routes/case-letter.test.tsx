import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { aCaseAction, aCaseDetail } from '../../testing/fixtures';
import { setMockFamilyLanguage } from '../../testing/handlers/family';
import { renderWithProviders } from '../../testing/render';
import { server } from '../../testing/server';
import { Component as CaseLetterPage } from './case-letter';

test('Case letter: when the mediator types the meeting, then the invitation prints it in Italian and in Chinese', async () => {
  const user = userEvent.setup();
  setMockFamilyLanguage(1004, 'zh');
  renderWithProviders(<CaseLetterPage />, { path: '/casi/:id/lettera-incontro', route: '/casi/7/lettera-incontro' });
  const italian = await screen.findByRole('article', { name: 'Invito alla famiglia' });

  await user.type(screen.getByLabelText("Data dell'incontro"), '2026-03-17');
  await user.type(screen.getByLabelText("Ora dell'incontro"), '10:30');

  expect(italian).toHaveTextContent(
    "L'incontro si terrà il giorno 17/03/2026 alle ore 10:30 presso: IIS Vanvitelli Stracca Angelini.",
  );
  const chinese = screen.getByRole('article', { name: 'Traduzione in cinese' });
  expect(chinese).toHaveAttribute('dir', 'ltr');
  expect(chinese).toHaveTextContent('会面时间：17/03/2026 10:30；地点：IIS Vanvitelli Stracca Angelini。');
});

test('Case letter: when the action is a reorientation, then the family reads where and from when, in Italian only if its language is not recorded', async () => {
  server.use(
    http.get('/api/cases/:id', () =>
      HttpResponse.json(
        aCaseDetail({
          actions: [
            aCaseAction({ id: 5, type: 'reorient_iefp', date: '2026-03-16', destination: 'CFP Ancona – operatore' }),
          ],
        }),
      ),
    ),
  );
  renderWithProviders(<CaseLetterPage />, {
    path: '/casi/:id/azioni/:actionId/lettera-riorientamento',
    route: '/casi/7/azioni/5/lettera-riorientamento',
  });

  const italian = await screen.findByRole('article', { name: 'Informazione alla famiglia sul riorientamento' });
  expect(italian).toHaveTextContent(
    'dal 16/03/2026 Esposito Sara prosegue il proprio percorso di istruzione e formazione presso: CFP Ancona – operatore.',
  );
  expect(screen.getAllByRole('article')).toHaveLength(1);
  expect(screen.queryByLabelText("Data dell'incontro")).not.toBeInTheDocument();
});
