import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import type { Cell } from '@primm/shared/contracts/aggregates';
import { anAggregateResult } from '../../../testing/aggregate-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { server } from '../../../testing/server';
import { CitizenshipComparison } from './citizenship-comparison';

// The chart is lazy: its module loads here, so a loaded machine spends that time in the hook, not in a findBy.
// The tables carry the numbers under test; five recharts drawings in jsdom would only slow a loaded machine.
vi.mock('./aggregate-chart', () => ({ default: () => null }));

const snapshot = { year: '2024/25', periodEnd: '2025-01-31', frozenOn: '2025-02-01', dataThrough: '2025-01-30' };
const FOREIGN = ['straniero_nato_in_italia', 'straniero_nato_all_estero', 'neo_arrivato'];
const small: Record<string, Cell> = {
  students: '<10',
  tier1: '<10',
  tier2: '<10',
  tier3: '<10',
  overLimit: '<10',
  failing2plus: '<10',
  ageGradeDelay: '<10',
};
const published: Record<string, Cell> = {
  students: 12,
  tier1: 12,
  tier2: 0,
  tier3: 0,
  overLimit: 0,
  failing2plus: 0,
  ageGradeDelay: 0,
};

/** The groups' table of one year: the Italians, the three foreign groups alike, the total. */
function groups(italian: Record<string, Cell>, foreign: Record<string, Cell>, total: Record<string, Cell>) {
  return {
    ...anAggregateResult({ groupBy: ['citizenshipGroup'] }),
    rows: [
      { group: { citizenshipGroup: 'italiano' }, labels: { citizenshipGroup: 'italiano' }, values: italian },
      ...FOREIGN.map((g) => ({ group: { citizenshipGroup: g }, labels: { citizenshipGroup: g }, values: foreign })),
    ],
    total,
  };
}

/** The groups' answer of this year and, with `compare=previous`, of the previous year at the same date. */
function serveGroups(current: ReturnType<typeof groups>, previous: ReturnType<typeof groups>) {
  server.use(
    http.get('/api/aggregates', ({ request }) => {
      const params = new URL(request.url).searchParams;
      if (params.get('groupBy') !== 'citizenshipGroup') return undefined;
      const compare = params.get('compare') === 'previous';
      return HttpResponse.json({
        ...current,
        ...(compare ? { previous: { ...previous, year: '2024/25', snapshot } } : {}),
      });
    }),
  );
}

async function openCoarseTable() {
  const user = userEvent.setup();
  renderWithProviders(<CitizenshipComparison filters={{ track: 'iefp' }} />);
  await user.click(await screen.findByRole('checkbox', { name: 'Confronta con l’anno precedente alla stessa data' }));
  await screen.findByText(/com’era il 31\/01\/2025/);
  const coarse = screen.getByRole('region', {
    name: 'Indicatori: italiani e non italiani (% degli studenti del gruppo)',
  });
  await user.click(within(coarse).getByRole('button', { name: 'Tabella' }));
  return within(coarse).getByRole('table');
}

const cellsOf = (table: HTMLElement, name: RegExp) =>
  within(within(table).getByRole('row', { name }))
    .getAllByRole('cell')
    .map((c) => c.textContent);

test('CitizenshipComparison: when the comparison is on and most groups are hidden, then Italians and not Italians show both years, each from its own table', async () => {
  serveGroups(
    groups(
      { students: 300, tier1: 240, tier2: 45, tier3: 15, overLimit: 30, failing2plus: 60, ageGradeDelay: 20 },
      small,
      { students: 324, tier1: 256, tier2: 50, tier3: 18, overLimit: 34, failing2plus: 66, ageGradeDelay: 26 },
    ),
    // the previous year hides its Italians' tiers 1 and 2: their share stays n.d. that year, though this year publishes them
    groups(
      { students: 280, tier1: 'n.d.', tier2: 'n.d.', tier3: 12, overLimit: 25, failing2plus: 50, ageGradeDelay: 18 },
      small,
      { students: 310, tier1: 240, tier2: 45, tier3: 20, overLimit: 31, failing2plus: 58, ageGradeDelay: 24 },
    ),
  );

  const table = await openCoarseTable();

  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
      .slice(0, 5),
  ).toEqual([
    'Gruppo di cittadinanza',
    'Studenti (2025/26)',
    'Studenti (2024/25 al 31/01/2025)',
    'Quota al livello 2 o 3 (2025/26) (%)',
    'Quota al livello 2 o 3 (2024/25 al 31/01/2025) (%)',
  ]);
  // 2025/26: 324 − 300 = 24, tier ≥ 2 8 of 24; 2024/25: 310 − 280 = 30, over the limit 6, failing 8, delayed 6 of 30
  expect(cellsOf(table, /Non italiani/)).toEqual([
    '24',
    '30',
    '33,3 %',
    'n.d.',
    '16,7 %',
    '20 %',
    '25 %',
    '26,7 %',
    '25 %',
    '20 %',
  ]);
  expect(cellsOf(table, /^Italiani/)[1]).toBe('280');
  expect(screen.getByText(/Nel confronto, «Non italiani» di ciascun anno/)).toBeInTheDocument();
});

test('CitizenshipComparison: when only the previous year hides most groups and its difference is under 10, then the coarser chart appears and that year reads <10', async () => {
  serveGroups(
    groups(
      { students: 300, tier1: 240, tier2: 45, tier3: 15, overLimit: 30, failing2plus: 60, ageGradeDelay: 20 },
      published,
      { students: 336, tier1: 276, tier2: 45, tier3: 15, overLimit: 30, failing2plus: 60, ageGradeDelay: 20 },
    ),
    // 287 − 280 = 7: fewer students than the threshold, so no count of theirs is shown, as the server would not
    groups(
      { students: 280, tier1: 230, tier2: 38, tier3: 12, overLimit: 25, failing2plus: 50, ageGradeDelay: 18 },
      small,
      { students: 287, tier1: 235, tier2: 40, tier3: 12, overLimit: 26, failing2plus: 52, ageGradeDelay: 19 },
    ),
  );

  const table = await openCoarseTable();

  expect(screen.getByText(/Nell’anno precedente alla stessa data quasi tutti i gruppi/)).toBeInTheDocument();
  const others = cellsOf(table, /Non italiani/);
  expect([others[0], others[1]]).toEqual(['36', '<10']);
  expect(others.filter((_, i) => i % 2 === 1 && i > 1)).toEqual(['n.d.', 'n.d.', 'n.d.', 'n.d.']);
});
