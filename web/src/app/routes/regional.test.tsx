import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { anAggregateResult } from '../../testing/aggregate-fixtures';
import { demoMe } from '../../testing/fixtures';
import { renderRoutes } from '../../testing/render';
import { server } from '../../testing/server';
import { routes } from '../router';

// The page and its chart are lazy: their modules load here, so a loaded machine spends that time in the hook, not in a findBy.
beforeAll(() =>
  Promise.all([
    import('./regional'),
    import('./regional-province'),
    import('./regional-report'),
    import('../../features/aggregates/components/aggregate-chart'),
  ]),
);

afterEach(() => vi.restoreAllMocks());

function asAnalyst() {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.analista)));
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads the bytes as the browser would download them. */
function readBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Every query string sent to /api/aggregates, in order. */
function recordAggregateRequests(): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/aggregates') seen.push(url.searchParams);
  });
  return seen;
}

test('Regional analysis: when the analyst picks filters, then they go to the URL and to the aggregates query string', async () => {
  asAnalyst();
  const user = userEvent.setup();
  const requests = recordAggregateRequests();
  const { router } = renderRoutes(routes, { route: '/analisi' });
  await screen.findByRole('region', { name: 'Studenti per provincia' });

  await user.selectOptions(screen.getByRole('combobox', { name: 'Grado' }), 'secondo_grado');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Anno di corso' }), '3');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Gruppo di cittadinanza' }), 'neo_arrivato');

  const url = new URLSearchParams(router.state.location.search);
  expect(Object.fromEntries(url)).toEqual({
    level: 'secondo_grado',
    gradeLevel: '3',
    citizenshipGroup: 'neo_arrivato',
  });
  await vi.waitFor(() => expect(requests.at(-1)?.get('citizenshipGroup')).toBe('neo_arrivato'));
  const last = requests.at(-1)!;
  expect([last.get('groupBy'), last.get('level'), last.get('gradeLevel')]).toEqual(['province', 'secondo_grado', '3']);
  expect(last.get('measures')?.split(',')).toContain('tier2');
});

test('Regional analysis: when opened from a shared link, then the filters are read back into the form', async () => {
  asAnalyst();

  renderRoutes(routes, { route: '/analisi?year=2024%2F25&sex=F&vista=cittadinanza' });

  expect(await screen.findByRole('combobox', { name: 'Sesso' })).toHaveValue('F');
  expect(screen.getByRole('combobox', { name: 'Anno scolastico' })).toHaveValue('2024/25');
  expect(await screen.findByRole('tab', { name: 'Gruppi di cittadinanza' })).toHaveAttribute('aria-selected', 'true');
});

test('Regional analysis: when Tabella is pressed, then the table shows the numbers the chart summarises, suppressed cells as published', async () => {
  asAnalyst();
  const user = userEvent.setup();
  renderRoutes(routes, { route: '/analisi' });
  const panel = await screen.findByRole('region', { name: 'Distribuzione per livello di rischio' });
  const chart = await within(panel).findByRole('img');
  expect(chart).toHaveAccessibleName(expect.stringContaining('Ancona: Livello 1 1.012, Livello 2 160, Livello 3 62'));
  expect(chart).toHaveAccessibleName(
    expect.stringContaining('Ascoli Piceno: Livello 1 560, Livello 2 n.d., Livello 3 <10'),
  );

  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  const table = within(panel).getByRole('table', { name: 'Distribuzione per livello di rischio' });
  const ap = within(table).getByRole('row', { name: /Ascoli Piceno/ });
  expect(
    within(ap)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['560', 'n.d.', '<10']);
  expect(
    within(within(table).getByRole('row', { name: /Ancona/ }))
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['1.012', '160', '62']);
  expect(within(panel).getByRole('button', { name: 'Tabella' })).toHaveAttribute('aria-pressed', 'true');
  expect(within(panel).queryByRole('img')).not.toBeInTheDocument();
  expect(within(panel).getByText(/n\.d\. \(non diffuso\)/)).toBeInTheDocument();
});

test('Regional analysis: when a share needs a suppressed count, then it reads n.d. and the CSV writes <10 and n.d. as such', async () => {
  asAnalyst();
  const user = userEvent.setup();
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:csv';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  renderRoutes(routes, { route: '/analisi?level=secondo_grado' });
  const panel = await screen.findByRole('region', { name: 'Quota di studenti al livello 2 o 3 per provincia' });

  await user.click(
    within(panel).getByRole('button', { name: 'Scarica CSV: Quota di studenti al livello 2 o 3 per provincia' }),
  );

  const anchor = click.mock.contexts[0] as HTMLAnchorElement;
  expect(anchor.download).toBe('analisi_quota-livelli-2-3-per-provincia_secondo-grado.csv');
  const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBytes(blob!));
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1).split('\r\n')).toEqual([
    'Provincia;Al livello 2 o 3;Con livello calcolato;Quota al livello 2 o 3 (%)',
    'Ancona;222;1234;18', // 222 / 1234 = 17,99 % → one decimal at most
    'Ascoli Piceno;n.d.;n.d.;n.d.', // tier 2 n.d., tier 3 <10: nothing computed
    'Fermo;n.d.;n.d.;n.d.',
    'Macerata;180;980;18,4',
    'Pesaro e Urbino;200;1100;18,2',
    'Totale;742;4364;17', // 742 / 4364 = 17,003 %
    '',
  ]);
});

test('Regional analysis: when a province is opened, then its schools are requested and each school name links to its report', async () => {
  asAnalyst();
  const user = userEvent.setup();
  const requests = recordAggregateRequests();
  const { router } = renderRoutes(routes, { route: '/analisi?year=2025%2F26' });
  const panel = await screen.findByRole('region', { name: 'Studenti per provincia' });
  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  await user.click(within(panel).getByRole('link', { name: 'Ancona' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Provincia di Ancona' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/analisi/provincia/AN');
  const schools = await screen.findByRole('region', { name: 'Studenti per scuola' });
  await vi.waitFor(() =>
    expect(requests.some((q) => q.get('groupBy') === 'school' && q.get('province') === 'AN')).toBe(true),
  );
  await user.click(within(schools).getByRole('button', { name: 'Tabella' }));
  const table = within(schools).getByRole('table', { name: 'Studenti per scuola' });
  expect(
    within(table)
      .getAllByRole('link')
      .map((a) => a.textContent),
  ).toEqual(['IIS Vanvitelli Stracca Angelini', 'Scuola secondaria di I grado Pascoli', 'Liceo classico Rinaldini']);
  expect(within(table).getByRole('link', { name: 'IIS Vanvitelli Stracca Angelini' })).toHaveAttribute(
    'href',
    '/analisi/rapporto?school=ANIS00800L&year=2025%2F26',
  );
});

test('Regional analysis: when the charts are drawn, then each of their provinces has a link above them that opens it', async () => {
  asAnalyst();
  const user = userEvent.setup();
  const { router } = renderRoutes(routes, { route: '/analisi?year=2025%2F26' });
  const panel = await screen.findByRole('region', { name: 'Quota di studenti al livello 2 o 3 per provincia' });
  expect(within(panel).getByRole('button', { name: 'Grafico' })).toHaveAttribute('aria-pressed', 'true');

  const links = screen.getByRole('list', { name: 'Apri una provincia:' });
  expect(
    within(links)
      .getAllByRole('link')
      .map((a) => a.textContent),
  ).toEqual(['Ancona', 'Ascoli Piceno', 'Fermo', 'Macerata', 'Pesaro e Urbino']);
  await user.click(within(links).getByRole('link', { name: 'Macerata' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Provincia di Macerata' })).toBeInTheDocument();
  expect(router.state.location).toMatchObject({ pathname: '/analisi/provincia/MC', search: '?year=2025%2F26' });
});

test('Regional analysis: when a cell of a table row is clicked, then its province opens', async () => {
  asAnalyst();
  const user = userEvent.setup();
  const { router } = renderRoutes(routes, { route: '/analisi' });
  const panel = await screen.findByRole('region', { name: 'Distribuzione per livello di rischio' });
  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  await user.click(within(within(panel).getByRole('row', { name: /Fermo/ })).getAllByRole('cell')[0]!);

  expect(await screen.findByRole('heading', { level: 1, name: 'Provincia di Fermo' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/analisi/provincia/FM');
});

test('Regional analysis: when the attendance bands are shown, then they go from below 80 % to at least 95 %', async () => {
  asAnalyst();
  const user = userEvent.setup();
  renderRoutes(routes, { route: '/analisi' });
  const panel = await screen.findByRole('region', { name: 'Fasce di frequenza per provincia' });

  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  expect(
    within(panel)
      .getAllByRole('columnheader')
      .map((th) => th.textContent),
  ).toEqual(['Provincia', 'Frequenza < 80 %', 'Frequenza 80–90 %', 'Frequenza 90–95 %', 'Frequenza ≥ 95 %']);
});

test('Regional analysis: when the analyst follows the report link, then the printable report of the region opens for the chosen year', async () => {
  asAnalyst();
  const user = userEvent.setup();
  const { router } = renderRoutes(routes, { route: '/analisi?year=2025%2F26' });

  await user.click(await screen.findByRole('link', { name: 'Rapporto stampabile della regione' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Rapporto – Regione Marche' })).toBeInTheDocument();
  expect(router.state.location).toMatchObject({ pathname: '/analisi/rapporto', search: '?year=2025%2F26' });
});

test('Regional analysis: when the year selector is opened, then it offers only the years with data, the latest as default', async () => {
  asAnalyst();

  renderRoutes(routes, { route: '/analisi' });

  const select = await screen.findByRole('combobox', { name: 'Anno scolastico' });
  await vi.waitFor(() =>
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ultimo anno con dati (2025/26)', '2025/26', '2024/25']),
  );
});

test('Regional analysis: when a link asks for a year without data, then a plain message names the years with data and no table is requested', async () => {
  asAnalyst();
  server.use(http.get('/api/aggregates/years', () => HttpResponse.json({ years: ['2025/26'], current: '2025/26' })));
  const requests = recordAggregateRequests();
  const user = userEvent.setup();
  const { router } = renderRoutes(routes, { route: '/analisi?year=2026%2F27&sex=F' });

  // the loading indicator is a status too: the message is the one with this title
  const status = (await screen.findByText('Nessun dato per l’anno scolastico 2026/27')).parentElement!;
  expect(status).toHaveAttribute('role', 'status');
  expect(status).toHaveTextContent('L’anno con dati è 2025/26.');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.getByRole('option', { name: '2026/27 (nessun dato)' })).toBeInTheDocument();

  await user.click(within(status).getByRole('link', { name: 'Vai all’ultimo anno con dati (2025/26)' }));

  expect(router.state.location.search).toBe('?sex=F');
  expect(await screen.findByRole('region', { name: 'Studenti per provincia' })).toBeInTheDocument();
  expect(requests.every((q) => q.get('year') === null)).toBe(true);
});

test('Regional analysis: when a chart totals students, then the same definition of students counted as on the overview is stated under it', async () => {
  asAnalyst();
  renderRoutes(routes, { route: '/analisi' });

  const students = await screen.findByRole('region', { name: 'Studenti per provincia' });
  const share = screen.getByRole('region', { name: 'Quota di studenti al livello 2 o 3 per provincia' });

  expect(
    within(students).getByText(/^Studenti contati: chi è stato iscritto almeno un giorno nell’anno scolastico/),
  ).toBeInTheDocument();
  expect(within(share).queryByText(/^Studenti contati/)).not.toBeInTheDocument(); // no students' total in a share chart
});

test('Citizenship tab: when the analyst opens it with no filter, then the newly arrived show the tier share of the fairness report, not n.d.', async () => {
  asAnalyst();
  const user = userEvent.setup();
  renderRoutes(routes, { route: '/analisi?vista=cittadinanza' });
  const panel = await screen.findByRole('region', {
    name: 'Indicatori per gruppo di cittadinanza (% degli studenti del gruppo)',
  });

  await user.click(within(panel).getByRole('button', { name: 'Tabella' }));

  const nai = within(panel).getByRole('row', { name: /Neo-arrivati/ });
  await vi.waitFor(() => expect(within(nai).getAllByRole('cell')[1]).toHaveTextContent('32 %'));
  expect(screen.getByText(/la stessa del rapporto di equità/)).toBeInTheDocument();
});

test('Citizenship tab: when most groups are blank, then Italian and not Italian are offered, the second computed as total less Italians', async () => {
  asAnalyst();
  const user = userEvent.setup();
  const small = {
    students: '<10',
    tier1: '<10',
    tier2: '<10',
    tier3: '<10',
    overLimit: '<10',
    failing2plus: '<10',
    ageGradeDelay: '<10',
  };
  server.use(
    http.get('/api/aggregates', ({ request }) => {
      if (new URL(request.url).searchParams.get('groupBy') !== 'citizenshipGroup') return undefined;
      const rows = ['straniero_nato_in_italia', 'straniero_nato_all_estero', 'neo_arrivato'].map((g) => ({
        group: { citizenshipGroup: g },
        labels: { citizenshipGroup: g },
        values: small,
      }));
      const italian = {
        students: 300,
        tier1: 240,
        tier2: 45,
        tier3: 15,
        overLimit: 30,
        failing2plus: 60,
        ageGradeDelay: 20,
      };
      return HttpResponse.json({
        ...anAggregateResult({ groupBy: ['citizenshipGroup'] }),
        rows: [
          { group: { citizenshipGroup: 'italiano' }, labels: { citizenshipGroup: 'italiano' }, values: italian },
          ...rows,
        ],
        total: { students: 324, tier1: 256, tier2: 50, tier3: 18, overLimit: 34, failing2plus: 66, ageGradeDelay: 26 },
      });
    }),
  );
  renderRoutes(routes, { route: '/analisi?vista=cittadinanza&track=iefp' });

  const coarse = await screen.findByRole('region', {
    name: 'Indicatori: italiani e non italiani (% degli studenti del gruppo)',
  });
  await user.click(within(coarse).getByRole('button', { name: 'Tabella' }));

  const others = within(coarse).getByRole('row', { name: /Non italiani/ });
  // 324 − 300 = 24 students; (50 + 18) − (45 + 15) = 8 of (256 + 50 + 18) − 300 = 24 assessed → 33,3 %
  expect(
    within(others)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['24', '33,3 %', '16,7 %', '25 %', '25 %']);
  expect(screen.getByText('Molti gruppi non sono pubblicabili: ecco italiani e non italiani')).toBeInTheDocument();
});

test('Regional analysis: when a referent opens it, then there is no fairness tab (the server refuses them the report)', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.referente)));

  renderRoutes(routes, { route: '/analisi' });

  expect(await screen.findByRole('tab', { name: 'Province' })).toBeInTheDocument();
  expect(screen.queryByRole('tab', { name: 'Equità degli indicatori' })).not.toBeInTheDocument();
});

test('Regional analysis: when a teacher opens the address, then the refusal is shown and no aggregate is requested', async () => {
  server.use(http.get('/api/me', () => HttpResponse.json(demoMe.docente)));
  const requests = recordAggregateRequests();

  renderRoutes(routes, { route: '/analisi' });

  expect(await screen.findByRole('alert')).toHaveTextContent('Non sei autorizzato');
  expect(requests).toEqual([]);
});

test('Regional analysis: when the aggregates fail, then the error is shown with a retry', async () => {
  asAnalyst();
  server.use(
    http.get('/api/aggregates', () =>
      HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }),
    ),
  );

  renderRoutes(routes, { route: '/analisi' });

  const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
  expect(within(alert).getByRole('button', { name: 'Riprova' })).toBeInTheDocument();
});

test('Regional analysis: when no student matches the filters, then each chart says so', async () => {
  asAnalyst();
  server.use(
    http.get('/api/aggregates', () => HttpResponse.json({ ...anAggregateResult({ groupBy: ['province'] }), rows: [] })),
  );

  renderRoutes(routes, { route: '/analisi?track=iefp' });

  expect(await screen.findAllByText('Nessun dato per questi filtri.')).toHaveLength(4);
});

test('Report page: when opened for a province, then it shows the key figures, the Italian commentary and a print button', async () => {
  asAnalyst();
  const user = userEvent.setup();
  const print = vi.spyOn(window, 'print').mockImplementation(() => {});

  renderRoutes(routes, { route: '/analisi/rapporto?province=AN&year=2025%2F26' });

  expect(await screen.findByRole('heading', { level: 1, name: 'Rapporto – provincia di Ancona' })).toBeInTheDocument();
  const commentary = screen.getByRole('region', { name: 'Commento' });
  expect(commentary).toHaveTextContent(
    'Nella provincia di Ancona sono contati 1.234 studenti nell’anno scolastico 2025/26.',
  );
  expect(commentary).toHaveTextContent(
    'Il 18 % degli studenti con livello calcolato è al livello 2 o 3 (222 studenti).',
  );
  expect(screen.getByRole('region', { name: 'Studenti per livello di rischio' })).toBeInTheDocument();
  expect(
    within(screen.getByRole('region', { name: 'Dati principali' })).getByText(
      /^Studenti contati: chi è stato iscritto almeno un giorno/,
    ),
  ).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Stampa / salva in PDF' }));

  expect(print).toHaveBeenCalledOnce();
});

test('Report page: when a school has suppressed counts, then the commentary quotes none of them', async () => {
  asAnalyst();

  renderRoutes(routes, { route: '/analisi/rapporto?school=ANMM84001C' });

  const commentary = await screen.findByRole('region', { name: 'Commento' });
  expect(commentary).toHaveTextContent('Nella scuola Scuola secondaria di I grado Pascoli sono contati 405 studenti');
  expect(commentary).toHaveTextContent('La quota al livello 2 o 3 non è calcolata');
  expect(commentary).not.toHaveTextContent('<10');
  expect(commentary).not.toHaveTextContent('Casi aperti');
});

test("Report page: when the region's report is opened by the analyst, then it shows the years kept from the snapshots and the participants' view counts and averages", async () => {
  asAnalyst();
  const user = userEvent.setup();

  renderRoutes(routes, { route: '/analisi/rapporto?year=2025%2F26' });

  await screen.findByRole('heading', { name: 'Andamento negli anni scolastici' }, { timeout: 3000 });
  const history = await screen.findByRole('region', { name: 'Regione: studenti e quota al Livello 2 o 3 negli anni' });
  await user.click(within(history).getByRole('button', { name: 'Tabella' }));
  const rows = within(within(history).getByRole('table')).getAllByRole('row');
  expect(rows.map((r) => r.textContent)).toEqual([
    'Anno scolasticoStudentiQuota al livello 2 o 3 (%)',
    '2023/24 al 08/06/202441.20017,5 %',
    '2024/25 al 07/06/202542.01018,5 %',
    '2025/26 al 31/01/202642.50015 %',
  ]);
  const views = await screen.findByRole('table', { name: /Valutazioni raccolte alla chiusura/ });
  expect(within(views).getByRole('row', { name: /Colloquio con la famiglia/ })).toHaveTextContent('304,2');
  expect(screen.getByText(/nessun testo libero/)).toBeInTheDocument();
});

test("Report page: when a province's report is opened, then it has neither the years nor the participants' views (both are the region's)", async () => {
  asAnalyst();

  renderRoutes(routes, { route: '/analisi/rapporto?province=AN&year=2025%2F26' });

  await screen.findByRole('heading', { level: 1, name: 'Rapporto – provincia di Ancona' });
  expect(screen.queryByRole('heading', { name: 'Andamento negli anni scolastici' })).not.toBeInTheDocument();
  expect(screen.queryByText(/nessun testo libero/)).not.toBeInTheDocument();
});
