import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { LevelChooser } from './level-chooser';

const rules = { basis: 'rules', level2From: 0.3, level3From: 0.6 } as const;

function record(method: 'post' | 'put', path: string) {
  const sent: unknown[] = [];
  server.use(http[method](path, async ({ request }) => void sent.push(await request.clone().json())));
  return sent;
}

async function chooseProbability(user: ReturnType<typeof userEvent.setup>, from2: string, from3: string) {
  await user.click(screen.getByRole('radio', { name: 'dalla probabilità del modello' }));
  const level2 = screen.getByRole('textbox', { name: 'Livello 2 da (% di probabilità)' });
  const level3 = screen.getByRole('textbox', { name: 'Livello 3 da (% di probabilità)' });
  await user.clear(level2);
  await user.type(level2, from2);
  await user.clear(level3);
  await user.type(level3, from3);
}

test("LevelChooser: when the admin previews cut points on the probability, then they are sent as shares and each school shows its counts beside today's, with what the backtest says", async () => {
  const user = userEvent.setup();
  const sent = record('post', '/api/risk/levels/preview');
  renderWithProviders(<LevelChooser current={rules} />);

  await chooseProbability(user, '40', '70');
  await user.click(screen.getByRole('button', { name: "Mostra l'anteprima" }));

  const schools = await screen.findByRole('table', { name: "Studenti di quest'anno per livello, con questa scelta" });
  expect(sent).toEqual([{ basis: 'probability', level2From: 0.4, level3From: 0.7 }]);
  expect(within(schools).getByRole('row', { name: /^Regione/ })).toHaveTextContent(
    'Regione700658 (ora 660)30 (ora 28)12',
  );
  expect(within(schools).getByRole('row', { name: /LICEO GALILEI/ })).toHaveTextContent('400378 (ora 380)16 (ora 14)6');
  expect(within(schools).getByRole('textbox', { name: 'Studenti che LICEO GALILEI può seguire' })).toHaveValue('25');
  const past = screen.getByRole('table', { name: 'Con questa scelta, nel 2024/25' });
  expect(within(past).getByRole('row', { name: /^Livello 3/ })).toHaveTextContent('Livello 311948,7 %39,9 % – 57,6 %');
});

test('LevelChooser: when level 2 would start above level 3, then the form says so and nothing is sent', async () => {
  const user = userEvent.setup();
  const sent = record('post', '/api/risk/levels/preview');
  renderWithProviders(<LevelChooser current={rules} />);

  await chooseProbability(user, '70', '40');
  await user.click(screen.getByRole('button', { name: "Mostra l'anteprima" }));

  expect(screen.getByRole('alert')).toHaveTextContent('il livello 2 non può partire sopra il livello 3');
  expect(sent).toEqual([]);
});

test('LevelChooser: when the admin saves the previewed levels, then the choice is sent and the new version is confirmed', async () => {
  const user = userEvent.setup();
  const sent = record('put', '/api/risk/levels');
  renderWithProviders(<LevelChooser current={rules} />);
  await chooseProbability(user, '35', '65');
  await user.click(screen.getByRole('button', { name: "Mostra l'anteprima" }));

  await user.click(await screen.findByRole('button', { name: 'Salva questi livelli' }));

  expect(await screen.findByRole('status')).toHaveTextContent(
    'Salvata la versione 4. I nuovi livelli valgono dal prossimo ricalcolo.',
  );
  expect(sent).toEqual([{ basis: 'probability', level2From: 0.35, level3From: 0.65 }]);
});

test('LevelChooser: when the admin sets how many students a school can follow, then it is saved for that school', async () => {
  const user = userEvent.setup();
  const sent = record('put', '/api/schools/:code/capacity');
  renderWithProviders(<LevelChooser current={rules} />);
  await user.click(screen.getByRole('button', { name: "Mostra l'anteprima" }));
  const capacity = await screen.findByRole('textbox', { name: 'Studenti che ISTITUTO FILELFO può seguire' });

  await user.type(capacity, '30');
  await user.click(screen.getByRole('button', { name: 'Salva quanti studenti può seguire ISTITUTO FILELFO' }));

  await screen.findByRole('table', { name: "Studenti di quest'anno per livello, con questa scelta" });
  expect(sent).toEqual([{ capacity: 30 }]);
});
