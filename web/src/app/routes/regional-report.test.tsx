import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { demoMe } from '../../testing/fixtures';
import { renderRoutes } from '../../testing/render';
import { server } from '../../testing/server';
import { routes } from '../router';

// The tables carry the numbers under test; recharts drawings in jsdom would only slow a loaded machine.
vi.mock('../../features/aggregates/components/aggregate-chart', () => ({ default: () => null }));

beforeAll(() => import('./regional-report'));

afterEach(() => vi.restoreAllMocks());

const TOGGLE = 'Confronta con l’anno precedente alla stessa data';
const PREVIOUS = '2024/25 al 31/01/2025';

/** The table view of one of the report's charts: its column headers and each row's cells. */
async function tableOf(name: string) {
  const user = userEvent.setup();
  const panel = await screen.findByRole('region', { name });
  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));
  const table = within(panel).getByRole('table');
  return {
    headers: within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
    cells: (row: RegExp) =>
      within(within(table).getByRole('row', { name: row }))
        .getAllByRole('cell')
        .map((c) => c.textContent),
  };
}

test("Report page: when the analyst ticks the comparison on the region's report, then the address keeps it and the key figures and the charts' tables show the previous year at the same date", async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));
  const user = userEvent.setup();
  const { router } = renderRoutes(routes, { route: '/analisi/rapporto?year=2025%2F26' });

  await user.click(await screen.findByRole('checkbox', { name: TOGGLE }));

  expect(router.state.location.search).toBe('?year=2025%2F26&compare=previous');
  await screen.findByText(/com’era il 31\/01\/2025/);
  // 4.364 students this year; the previous year's fixture is a tenth lower: 3.928
  const students = within(screen.getByRole('region', { name: 'Dati principali' })).getByText('Studenti').parentElement!;
  expect(students).toHaveTextContent(`4.364${PREVIOUS}: 3.928`);
  const tiers = await tableOf('Studenti per livello di rischio');
  expect(tiers.headers.slice(1)).toEqual(['Studenti (2025/26)', `Studenti (${PREVIOUS})`]);
  expect(tiers.cells(/Livello 1/)).toEqual(['3.622', '3.260']);
});

test("Report page: when the region's report is printed with the comparison, then the bands and the groups compare too, and the two sections that cannot say why", async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));
  const user = userEvent.setup();
  const print = vi.spyOn(window, 'print').mockImplementation(() => {});
  const { router } = renderRoutes(routes, { route: '/analisi/rapporto?year=2025%2F26&compare=previous' });

  const bands = await tableOf('Studenti per fascia di frequenza');
  expect(bands.cells(/< 80 %/)).toEqual(['229', '206']);
  const groups = await tableOf('Indicatori per gruppo di cittadinanza (%)');
  expect(groups.headers).toContain(`Studenti (${PREVIOUS})`);
  expect(groups.cells(/^Italiani/).slice(0, 2)).toEqual(['3.400', '3.060']);
  expect(await screen.findByText(/mette già a fianco ogni anno conservato/)).toBeInTheDocument();
  expect(await screen.findByText(/Le valutazioni dei partecipanti non hanno il confronto/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Stampa / salva in PDF' }));

  expect(print).toHaveBeenCalledOnce();
  expect(screen.getByRole('checkbox', { name: TOGGLE })).toBeChecked();
  expect(router.state.location.search).toContain('compare=previous');
});

test('Report page: when a chart is shown as a drawing, then its table is there too for the printed page (hidden on screen)', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));

  renderRoutes(routes, { route: '/analisi/rapporto?year=2025%2F26&compare=previous' });

  const panel = await screen.findByRole('region', { name: 'Studenti per livello di rischio' });
  expect(within(panel).getByRole('button', { name: 'Grafico' })).toHaveAttribute('aria-pressed', 'true');
  const printed = within(panel).getByRole('table');
  expect(printed.closest('.print-only')).not.toBeNull();
  expect(within(printed).getByRole('columnheader', { name: `Studenti (${PREVIOUS})` })).toBeInTheDocument();
});

test("Report page: when a province's report compares, then its previous year is its row of the region's table by province, its groups its part of the table by province and group", async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));

  renderRoutes(routes, { route: '/analisi/rapporto?province=AN&year=2025%2F26&compare=previous' });

  await screen.findByRole('heading', { level: 1, name: 'Rapporto – provincia di Ancona' });
  // Ancona: 1.012 at level 1 this year, 911 (a tenth lower) in the previous year's table by province
  const tiers = await tableOf('Studenti per livello di rischio');
  expect(tiers.cells(/Livello 1/)).toEqual(['1.012', '911']);
  // Ancona's Italians in the cross table: 950 a year before less a tenth, 855
  const groups = await tableOf('Indicatori per gruppo di cittadinanza (%)');
  // (the table by province × group comes after the province's own groups)
  const table = screen.getByRole('table', { name: 'Indicatori per gruppo di cittadinanza (%)' });
  await within(table).findByRole('columnheader', { name: `Studenti (${PREVIOUS})` });
  expect(groups.cells(/^Italiani/)[1]).toBe('855');
});

test("Report page: when a school's report compares, then the groups chart says in one sentence why it cannot", async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));

  renderRoutes(routes, { route: '/analisi/rapporto?school=ANIS00800L&year=2025%2F26&compare=previous' });

  expect(await screen.findByText(/Per una scuola questo grafico non ha il confronto/)).toBeInTheDocument();
  const groups = await tableOf('Indicatori per gruppo di cittadinanza (%)');
  expect(groups.headers).not.toContain(`Studenti (${PREVIOUS})`);
});
