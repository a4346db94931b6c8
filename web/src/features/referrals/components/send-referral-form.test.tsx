import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { CreateReferralInput } from '@primm/shared/contracts/referrals';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { aPuaReferral } from '../../../testing/handlers/referrals';
import { SendReferralForm } from './send-referral-form';

async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('group', { name: "Motivi dell'invio" }).querySelector('input')!); // Servizi sociali
  await user.type(screen.getByLabelText('Descrizione breve'), 'La famiglia chiede un sostegno.');
  await user.type(screen.getByLabelText('Contatto della famiglia (telefono o email)'), 'madre, 333 1234567');
  await user.type(screen.getByLabelText('Chi ha dato il consenso'), 'la madre');
}

test('SendReferralForm: when the consent does not cover the reasons, then it says so and nothing is sent', async () => {
  const sent: unknown[] = [];
  server.use(
    http.post('/api/cases/:id/referrals', async ({ request }) => {
      sent.push(await request.json());
      return HttpResponse.json(aPuaReferral(), { status: 201 });
    }),
  );
  const user = userEvent.setup();
  renderWithProviders(<SendReferralForm caseId={7} />);

  await fillBasics(user);
  await user.click(screen.getByRole('button', { name: 'Invia al PUA' }));

  expect(await screen.findByRole('alert')).toHaveTextContent("Il consenso deve coprire ogni motivo dell'invio.");
  expect(sent).toEqual([]);
});

test('SendReferralForm: when the consent covers the reasons, then the referral is sent as the contract says and confirmed', async () => {
  const sent: unknown[] = [];
  server.use(
    http.post('/api/cases/:id/referrals', async ({ request }) => {
      sent.push(CreateReferralInput.parse(await request.json()));
      return HttpResponse.json(aPuaReferral(), { status: 201 });
    }),
  );
  const user = userEvent.setup();
  renderWithProviders(<SendReferralForm caseId={7} />);

  await fillBasics(user);
  await user.click(
    screen.getByRole('group', { name: 'Servizi per cui la famiglia ha dato il consenso' }).querySelector('input')!,
  );
  await user.click(screen.getByRole('button', { name: 'Invia al PUA' }));

  expect(await screen.findByText('Invio registrato: il PUA lo trova tra gli invii ricevuti.')).toBeInTheDocument();
  expect(sent).toEqual([
    expect.objectContaining({
      reasons: ['social'],
      consent: expect.objectContaining({ givenBy: 'la madre', services: ['social'] }),
    }),
  ]);
});
