import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ClassRiskList } from './class-risk-list';

/** The query strings the list asked for, then the default handler answers. */
function recordRiskRequests() {
  const seen: URLSearchParams[] = [];
  server.use(
    http.get('/api/classes/:id/risk', ({ request }) => {
      seen.push(new URL(request.url).searchParams);
    }),
  );
  return seen;
}

test('ClassRiskList: when the Livello header is pressed, then aria-sort moves to it and the request sorts by tier', async () => {
  const user = userEvent.setup();
  const seen = recordRiskRequests();
  const { router } = renderWithProviders(<ClassRiskList classId={101} className="3B" />, {
    route: '/classi/101?sort=name',
  });
  const table = await screen.findByRole('table', { name: 'Rischio degli studenti: 2' });
  const tierHeader = within(table).getByRole('columnheader', { name: /Livello/ });
  expect(within(table).getByRole('columnheader', { name: /Studente/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(tierHeader).toHaveAttribute('aria-sort', 'none');

  await user.click(within(tierHeader).getByRole('button', { name: /Livello/ }));

  expect(await within(table).findByRole('columnheader', { name: /Livello/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  expect(within(table).getByRole('columnheader', { name: /Studente/ })).toHaveAttribute('aria-sort', 'none');
  expect(seen.at(-1)?.get('sort')).toBe('tier');
  expect(seen.at(-1)?.get('order')).toBe('desc');
  expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('tier');
  expect(within(tierHeader).getByRole('button', { name: /Livello/ })).toHaveFocus();
});

test('ClassRiskList: when tier 3 is chosen, then the URL and the request carry tier=3 and only that row stays', async () => {
  const user = userEvent.setup();
  const seen = recordRiskRequests();
  const { router } = renderWithProviders(<ClassRiskList classId={101} className="3B" />, { route: '/classi/101' });
  await screen.findByRole('table', { name: 'Rischio degli studenti: 2' });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Livello' }), 'Livello 3');

  const table = await screen.findByRole('table', { name: 'Rischio degli studenti: 1' });
  expect(within(table).getByRole('link', { name: 'Hoxha Arben' })).toHaveAttribute('href', '/studenti/1002');
  expect(new URLSearchParams(router.state.location.search).get('tier')).toBe('3');
  expect(seen.at(-1)?.get('tier')).toBe('3');
});

test('ClassRiskList: when the list is walked with Tab, then each row is one stop, its name, whose details say why the chips signal', async () => {
  const user = userEvent.setup();
  renderWithProviders(<ClassRiskList classId={101} className="3B" />, { route: '/classi/101?sort=name' });
  const table = await screen.findByRole('table', { name: 'Rischio degli studenti: 2' });
  const [hoxha, rossi] = within(table).getAllByRole('link');
  const region = screen.getByRole('region', { name: 'Rischio degli studenti: 2' });
  // in the table, only the four sort headers are buttons: no chip, no level is a tab stop
  expect(
    within(table)
      .getAllByRole('button')
      .map((b) => b.closest('th')?.getAttribute('scope')),
  ).toEqual(['col', 'col', 'col', 'col']);
  expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

  while (document.activeElement !== hoxha) await user.tab();
  expect(hoxha).toHaveTextContent('Hoxha Arben');
  expect(hoxha).toHaveAccessibleDescription(
    /Proiezione delle assenze: Proiezione a fine anno: 285 ore di assenza, oltre il limite di 264/,
  );
  expect(screen.getByRole('tooltip')).toHaveTextContent(/assenze in aumento a gennaio/); // the reviewer's reason too
  await user.tab();

  expect(rossi).toHaveFocus(); // one press from row to row
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  expect(region).toBeInTheDocument();
});

test('ClassRiskList: when a tier was overridden, then both tiers are shown as text', async () => {
  renderWithProviders(<ClassRiskList classId={101} className="3B" />, { route: '/classi/101' });

  const row = await screen.findByRole('row', { name: /Hoxha/ });

  expect(within(row).getByText('Livello calcolato 2, modificato in 3')).toBeInTheDocument();
  expect(within(row).getByText('Livello 2 → 3')).toBeInTheDocument();
  expect(within(row).getByText('in aumento di 6 punti')).toBeInTheDocument();
});

test.each([
  // Hoxha: a flag without a case, the family notified under art. 114; Rossi: nothing under way
  ['Hoxha', ['Segnalato', 'Art. 114: famiglia avvisata'], null],
  ['Rossi', [], 'Niente in corso'],
])('ClassRiskList: markers of %s', async (name, markers, none) => {
  renderWithProviders(<ClassRiskList classId={101} className="3B" />, { route: '/classi/101' });

  const row = await screen.findByRole('row', { name: new RegExp(name) });

  const cell = within(row).getAllByRole('cell')[1]!; // "In corso"
  expect(
    within(cell)
      .queryAllByRole('listitem')
      .map((li) => li.textContent?.slice(2)),
  ).toEqual(markers);
  if (none) expect(cell).toHaveTextContent(none);
});

test('ClassRiskList: when a row carries a probability, then it is beside the level; without one, nothing is', async () => {
  renderWithProviders(<ClassRiskList classId={102} className="1A" />, { route: '/classi/102' });

  const row = await screen.findByRole('row', { name: /Esposito/ });

  expect(within(row).getAllByRole('cell')[0]).toHaveTextContent(
    'Livello 2 31 %probabilità stimata di esito negativo: 31 %',
  );
  expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('Caso aperto');
});

test('ClassRiskList: when a legend is given, then it follows the list', async () => {
  renderWithProviders(
    <ClassRiskList classId={101} className="3B" legend={<aside aria-label="Legenda">Livello 3: …</aside>} />,
    { route: '/classi/101' },
  );

  await screen.findByRole('table', { name: 'Rischio degli studenti: 2' });

  expect(screen.getByRole('complementary', { name: 'Legenda' })).toBeInTheDocument();
});

test("ClassRiskList: when a student's name is clicked, then the route is told first (it asks for the page's data) and the link still navigates", async () => {
  const user = userEvent.setup();
  const opened: number[] = [];
  const { router } = renderWithProviders(
    <ClassRiskList classId={101} className="3B" onOpenStudent={(id) => opened.push(id)} />,
    {
      route: '/classi/101',
      routes: [{ path: '/studenti/:id', element: <p>pagina dello studente</p> }],
    },
  );

  await user.click(await screen.findByRole('link', { name: 'Hoxha Arben' }));

  expect(opened).toEqual([1002]);
  expect(router.state.location.pathname).toBe('/studenti/1002');
});
