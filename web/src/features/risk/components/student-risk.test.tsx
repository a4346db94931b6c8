import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { aStudentRisk, errorBody } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ReviewForm } from './review-form';
import { StudentRiskSummary } from './risk-summary';
import { StudentRiskSections } from './student-risk';

// The charts are lazy: their modules load here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() => Promise.all([import('./attendance-chart'), import('./grades-chart')]));

/** Hoxha with the projection's two paces (the engine's details) and, unless given, no probability. */
function withPaces(overrides: Parameters<typeof aStudentRisk>[0] = {}) {
  const base = aStudentRisk(overrides);
  const details = {
    limitHours: 264,
    countedHours: 142,
    projectedHours: 285,
    crossingDate: '2026-04-20',
    recentWeeks: 4,
    recentProjectedHours: 330,
    recentCrossingDate: '2026-03-02',
  };
  return { ...base, indicators: base.indicators.map((i) => (i.key === 'absence_projection' ? { ...i, details } : i)) };
}

test('StudentRiskSummary: when the risk loads, then the level, why, and the hours left at both paces are at the top, with what is under way', async () => {
  server.use(http.get('/api/students/:id/risk', () => HttpResponse.json(withPaces())));

  renderWithProviders(<StudentRiskSummary studentId={1002} underWay={<p>Segnalazioni: 1 aperta.</p>} />);

  const summary = await screen.findByRole('region', { name: 'In sintesi' });
  expect(await within(summary).findByText('Livello calcolato 2, modificato in 3')).toBeInTheDocument();
  expect(within(summary).getByText(/^Livello 2: segnale alto in 1 area \(frequenza\)/)).toBeInTheDocument();
  expect(within(summary).getByText(/Proiezione delle assenze \(alto\): Proiezione a fine anno/)).toBeInTheDocument();
  expect(within(summary).getByText(/^Assenze:/).parentElement).toHaveTextContent(
    "Assenze: ancora 122 ore possibili prima del limite dei ¾ (264 ore; finora 142). Al ritmo dell'anno supererebbe il limite il 20/04/2026; al ritmo delle ultime 4 settimane supererebbe il limite il 02/03/2026.",
  );
  expect(within(summary).getByText('Segnalazioni: 1 aperta.')).toBeInTheDocument();
  expect(within(summary).queryByText(/probabilità/)).not.toBeInTheDocument(); // no model: nothing, not a dash
});

test('StudentRiskSummary: when the assessment carries a probability, then it is beside the level', async () => {
  server.use(http.get('/api/students/:id/risk', () => HttpResponse.json(withPaces({ probability: 0.42 }))));

  renderWithProviders(<StudentRiskSummary studentId={1002} />);

  expect(await screen.findByText('probabilità stimata di esito negativo: 42 %')).toBeInTheDocument();
});

test('StudentRiskSummary: when the risk is not computed yet (404), then the empty state is shown, not an error', async () => {
  server.use(http.get('/api/students/:id/risk', () => HttpResponse.json(errorBody('not_found'), { status: 404 })));

  renderWithProviders(<StudentRiskSummary studentId={1002} />);

  expect(await screen.findByText(/non è ancora stato calcolato/)).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('StudentRiskSections: when the risk loads, then the attendance is open with its table and chart, the grades and indicators closed', async () => {
  renderWithProviders(<StudentRiskSections studentId={1002} />);

  const weeks = await screen.findByRole('table', { name: 'Frequenza per settimana' });
  const row = within(weeks).getByRole('row', { name: /08\/12\/2025/ });
  expect(
    within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['32', '6', '81,3 %', '0,9 %']);
  expect(await screen.findByRole('img', { name: /Grafico a linee della frequenza settimanale/ })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: /Voti per materia/ })).toHaveAttribute('aria-expanded', 'false');
  expect(screen.getByRole('button', { name: /Indicatori/ })).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByRole('table', { name: /^Voti di/ })).not.toBeInTheDocument();
});

test('GradesSection: when opened, then the chart opens on the weakest subject and judgements are not "media — su 0 voti"', async () => {
  const user = userEvent.setup();
  const religion = {
    subject: 'Religione cattolica',
    points: ['buono', 'distinto', 'ottimo'].map((raw, i) => ({
      date: `2025-1${i}-02`,
      value: null,
      raw,
      kind: 'orale',
    })),
  };
  const conduct = { subject: 'Comportamento', points: [{ date: '2025-12-20', value: 8, raw: '8', kind: 'scrutinio' }] };
  const base = aStudentRisk();
  server.use(
    http.get('/api/students/:id/risk', () =>
      HttpResponse.json({ ...base, series: { ...base.series, grades: [conduct, ...base.series.grades, religion] } }),
    ),
  );
  renderWithProviders(<StudentRiskSections studentId={1002} />);

  await user.click(await screen.findByRole('button', { name: /Voti per materia/ }));

  expect(screen.getByRole('combobox', { name: 'Materia' })).toHaveValue('Matematica'); // 5,13 against Inglese's 5,63; conduct has one point
  expect(screen.getByRole('table', { name: 'Voti di Matematica' })).toBeInTheDocument();
  const subjects = screen.getByRole('table', { name: 'Media per materia' });
  expect(
    within(within(subjects).getByRole('row', { name: /Religione/ }))
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['solo giudizi, fuori media', '0', '0', '3']);
});

test('ReviewForm: when submitted without a reason, then nothing is posted and the field says why', async () => {
  const user = userEvent.setup();
  let posted = 0;
  server.use(
    http.post('/api/students/:id/risk/review', () => {
      posted += 1;
    }),
  );
  renderWithProviders(<ReviewForm studentId={1002} />);
  const toggle = await screen.findByRole('button', { name: 'Rivedi il livello…' });
  expect(screen.queryByRole('form', { name: 'La tua valutazione' })).not.toBeInTheDocument(); // hidden until asked for
  await user.click(toggle);
  const form = screen.getByRole('form', { name: 'La tua valutazione' });

  await user.type(within(form).getByRole('textbox', { name: 'Motivazione' }), 'ok');
  await user.click(within(form).getByRole('button', { name: 'Registra la revisione' }));

  const reason = within(form).getByRole('textbox', { name: 'Motivazione' });
  expect(reason).toHaveAttribute('aria-invalid', 'true');
  expect(reason).toHaveAccessibleDescription('Scrivi una motivazione di almeno 5 caratteri.');
  expect(reason).toHaveFocus();
  expect(posted).toBe(0);
});

test('ReviewForm: when the level is overridden, then the form closes, its confirmation takes the focus, and the summary shows both levels and the reason', async () => {
  const user = userEvent.setup();
  server.use(
    // first load: computed 2 and not reviewed yet
    http.get(
      '/api/students/:id/risk',
      () => HttpResponse.json(aStudentRisk({ tier: 2, computedTier: 2, review: null, reviews: [] })),
      { once: true },
    ),
  );
  renderWithProviders(
    <>
      <StudentRiskSummary studentId={1002} />
      <ReviewForm studentId={1002} />
    </>,
  );
  await user.click(await screen.findByRole('button', { name: 'Rivedi il livello…' }));
  const form = screen.getByRole('form', { name: 'La tua valutazione' });

  await user.click(within(form).getByRole('radio', { name: 'Modifica il livello' }));
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Nuovo livello (calcolato: 2)' }), 'Livello 3');
  await user.click(within(form).getByRole('textbox', { name: 'Motivazione' }));
  await user.paste('Assenze in aumento dopo le vacanze'); // typed key by key, it took seconds on a loaded machine
  await user.click(within(form).getByRole('button', { name: 'Registra la revisione' }));

  const saved = await screen.findByRole('status');
  expect(saved).toHaveTextContent('Revisione registrata.');
  expect(saved).toHaveFocus();
  expect(screen.queryByRole('form', { name: 'La tua valutazione' })).not.toBeInTheDocument();
  const summary = screen.getByRole('region', { name: 'In sintesi' });
  expect(await within(summary).findByText('Livello calcolato 2, modificato in 3')).toBeInTheDocument();
  expect(
    within(summary).getByText(/Ultima revisione: Modifica il livello da .*Assenze in aumento dopo le vacanze/),
  ).toBeInTheDocument();
});
