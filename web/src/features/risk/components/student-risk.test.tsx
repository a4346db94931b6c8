import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { aStudentRisk, errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { StudentRiskDetail } from './student-risk';

// The charts are lazy: their modules load here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() => Promise.all([import('./attendance-chart'), import('./grades-chart')]));

test('StudentRiskDetail: when the risk loads, then the indicators with their sentences and the attendance table are shown', async () => {
  renderWithProviders(<StudentRiskDetail studentId={1002} />);

  const indicators = await screen.findByRole('region', { name: 'Indicatori' });
  expect(within(indicators).getByText(/Proiezione delle assenze:/)).toHaveTextContent('Proiezione delle assenze: alto');
  expect(within(indicators).getByText(/oltre il limite di 264/)).toBeInTheDocument();
  const weeks = screen.getByRole('table', { name: 'Frequenza per settimana' });
  const row = within(weeks).getByRole('row', { name: /08\/12\/2025/ });
  expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['32', '6', '81,3 %', '0,9 %']);
  expect(screen.getByText(/il limite sarebbe superato il 20\/04\/2026/)).toBeInTheDocument();
  expect(screen.getByRole('table', { name: 'Voti' })).toBeInTheDocument();
  expect(screen.getByRole('region', { name: 'Percorso' })).toHaveTextContent('1 anno di ritardo');
  expect(await screen.findByRole('img', { name: /Grafico a linee della frequenza settimanale/ })).toBeInTheDocument();
});

test('StudentRiskDetail: when the risk is not computed yet (404), then the empty state is shown, not an error', async () => {
  server.use(http.get('/api/students/:id/risk', () => HttpResponse.json(errorBody('not_found'), { status: 404 })));

  renderWithProviders(<StudentRiskDetail studentId={1002} />);

  expect(await screen.findByText(/non è ancora stato calcolato/)).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('ReviewForm: when submitted without a reason, then nothing is posted and the field says why', async () => {
  const user = userEvent.setup();
  let posted = 0;
  server.use(
    http.post('/api/students/:id/risk/review', () => {
      posted += 1;
    }),
  );
  renderWithProviders(<StudentRiskDetail studentId={1002} />);
  const form = await screen.findByRole('form', { name: 'La tua valutazione' });

  await user.type(within(form).getByRole('textbox', { name: 'Motivazione' }), 'ok');
  await user.click(within(form).getByRole('button', { name: 'Registra la revisione' }));

  const reason = within(form).getByRole('textbox', { name: 'Motivazione' });
  expect(reason).toHaveAttribute('aria-invalid', 'true');
  expect(reason).toHaveAccessibleDescription('Scrivi una motivazione di almeno 5 caratteri.');
  expect(reason).toHaveFocus();
  expect(posted).toBe(0);
});

test('ReviewForm: when the tier is overridden, then the history shows both tiers and the new one is in effect', async () => {
  const user = userEvent.setup();
  server.use(
    // first load: computed 2 and not reviewed yet
    http.get('/api/students/:id/risk', () => HttpResponse.json(aStudentRisk({ tier: 2, computedTier: 2, review: null, reviews: [] })), { once: true }),
  );
  renderWithProviders(<StudentRiskDetail studentId={1002} />);
  const form = await screen.findByRole('form', { name: 'La tua valutazione' });

  await user.click(within(form).getByRole('radio', { name: 'Modifica il livello' }));
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Nuovo livello (calcolato: 2)' }), 'Livello 3');
  await user.type(within(form).getByRole('textbox', { name: 'Motivazione' }), 'Assenze in aumento dopo le vacanze');
  await user.click(within(form).getByRole('button', { name: 'Registra la revisione' }));

  const history = await screen.findByRole('region', { name: 'Revisioni precedenti' });
  expect(await within(history).findByText(/Assenze in aumento dopo le vacanze/)).toBeInTheDocument();
  expect(within(history).getAllByText(/\(livello 2 → 3\)/)[0]).toBeInTheDocument();
  const summary = screen.getByRole('region', { name: 'Livello di rischio e perché' });
  expect(within(summary).getByText('Livello calcolato').nextElementSibling).toHaveTextContent('Livello 2');
  expect(within(summary).getByText('Livello dopo la revisione').nextElementSibling).toHaveTextContent('Livello 3 (modificato da una persona)');
});
