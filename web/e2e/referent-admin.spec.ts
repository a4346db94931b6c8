import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { templateCsv } from '../../shared/src/import-format/school-files';
import { accessibilityViolations } from './browser';
import { downloaded, setupDemoApp } from './demo-app';
import { signIn, signedIn } from './sign-in';

const demo = setupDemoApp();
const LAPTOP = { viewport: { width: 1366, height: 768 } };

/** The page checked as every page of these journeys is: no WCAG 2.1 AA violation, no horizontal scroll at 1366×768. */
async function checkPage(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

describe('the referent: imports, format help, letters', () => {
  test("when the referent opens the home, the format page and a template, then the data freshness shows and the template is the importer's", async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'referente@demo.primm.it', LAPTOP);

    const freshness = page.getByRole('region', { name: 'La tua scuola: dati aggiornati' });
    await freshness.getByText('31/03/2026').waitFor();
    // issue #21: the demo's arrivals at this school (plant-arrivals.ts); the overdue one is answered
    const arriving = page.getByRole('region', { name: 'In arrivo' });
    await arriving.getByText(/^Nessuna risposta: scaduta il/).waitFor();
    expect(await arriving.getByRole('form').count()).toBe(2);
    await arriving.getByRole('form').first().getByRole('button', { name: "Conferma l'iscrizione" }).click();
    await expect.poll(() => arriving.getByRole('form').count()).toBe(1);
    await checkPage(page);

    await nav(page).getByRole('link', { name: 'Importazioni' }).click();
    await page.getByRole('link', { name: 'Formato dei file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formato dei file' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'studenti.csv' }).waitFor();
    await checkPage(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Scarica studenti.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('studenti.csv');
    expect(readFileSync(await downloaded(download), 'utf8')).toBe(templateCsv('studenti.csv'));
  }, 120_000);

  test('when the referent previews a studenti.csv that lists one student, then the breakdown by file shows and the students left out are named', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'referente@demo.primm.it', LAPTOP);
    const me = (await (await page.request.get(`${demo.app.url}/api/me`)).json()) as { schools: { code: string }[] };
    const code = me.schools[0]!.code;
    const school = (await (await page.request.get(`${demo.app.url}/api/schools/${code}`)).json()) as {
      name: string;
      instituteCode: string;
      municipality: string;
      province: string;
      kind: string;
      classList: { name: string; schoolYear: string; gradeLevel: number; track: string | null }[];
    };
    const cls = school.classList[0]!;
    const header = (file: Parameters<typeof templateCsv>[0]) =>
      templateCsv(file)
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0];
    const files = {
      'scuola.csv': `${header('scuola.csv')}\n${code};${school.name};${school.instituteCode};;;${school.municipality};${school.province};${school.kind};secondo grado;\n`,
      'calendario.csv': `${header('calendario.csv')}\n2025/26;lezioni;15/09/2025;06/06/2026;Lezioni\n`,
      'classi.csv': `${header('classi.csv')}\n2025/26;${cls.name};${cls.gradeLevel};${cls.track ?? ''};6-6-6-6-6-0;30;990\n`,
      'studenti.csv': `${header('studenti.csv')}\nRSSGLI09C54A271T;Rossi;Giulia;F;14/03/2009;ANCONA;Italia;S;;;042002;${cls.name};15/09/2025;;\n`,
    };

    await nav(page).getByRole('link', { name: 'Importazioni' }).click();
    await page
      .getByLabel('Scegli file')
      .setInputFiles(
        Object.entries(files).map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })),
      );
    await page.getByRole('heading', { level: 2, name: "Anteprima dell'importazione" }).waitFor({ timeout: 30_000 });
    // The web picker sends loose files; the server finds them a school folder by scuola.csv.
    const breakdown = page.getByRole('table', { name: 'Cosa cambierebbe, file per file' });
    await breakdown.waitFor();
    const students = breakdown.getByRole('row', { name: /studenti\.csv/ });
    expect(await students.getByRole('cell').allTextContents()).toEqual([
      'Studenti (iscrizioni)',
      '1',
      '0',
      '0',
      '0',
      'dal 15/09/2025 al 15/09/2025',
    ]);
    const missing = page.getByRole('region', { name: 'Studenti assenti dal nuovo elenco' });
    await missing
      .getByRole('heading', {
        name: new RegExp(`studenti iscritti a ${code} .* non compaiono nel nuovo studenti\\.csv`),
      })
      .waitFor();
    await missing.getByText(/restano iscritti come prima/).waitFor();
    await checkPage(page);

    await page.getByRole('button', { name: 'Annulla' }).click();
    await page.getByLabel('Scegli file').waitFor();
  });

  test("when the referent opens the report due to the mayor and types a protocol number, then the letter carries it in the wording of the student's sex", async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'referente@demo.primm.it', LAPTOP);

    await nav(page).getByRole('link', { name: 'Scadenze' }).click();
    // The demo plants every state: a family to notify, a countdown, a report due.
    await page.getByRole('table', { name: 'Famiglie da avvisare' }).waitFor();
    await page.getByRole('table', { name: 'Conti alla rovescia' }).waitFor();
    const due = page.getByRole('table', { name: 'Segnalazioni al sindaco da inviare' });
    await due.getByRole('link').first().click();
    await page.getByRole('link', { name: 'Apri la segnalazione da stampare' }).click();
    const letter = page.getByRole('article', { name: 'Lettera al sindaco' });
    await letter.waitFor();
    await page.getByLabel('Numero di protocollo').fill('1234/A');

    await letter.getByText(/^Prot\. n\. 1234\/A del \d{2}\/\d{2}\/\d{4}$/).waitFor();
    const text = (await letter.textContent())!;
    expect(text).toMatch(/l'alunn[oa] .*, nat[oa] il .*, iscritt[oa] per l'anno scolastico/);
    expect(text).not.toMatch(/alunno\/a|nato\/a|iscritto\/a/);
    await checkPage(page);

    await page.getByRole('link', { name: 'Torna alla pagina dello studente' }).click();
    await page.getByRole('link', { name: 'Apri la comunicazione alla famiglia da stampare' }).click();
    const notice = page.getByRole('article', { name: 'Lettera alla famiglia' });
    await notice.waitFor();
    await page.getByLabel('Numero di protocollo').fill('77');
    await page
      .getByLabel('Indirizzo della famiglia (via, numero civico, CAP e comune)')
      .fill('Via Roma 1\n60100 Ancona');
    await notice.getByText('Via Roma 1').waitFor();
    await notice.getByText(/^Prot\. n\. 77 del/).waitFor();
    await checkPage(page);
  });
});

describe('the admin: users and the audit log', () => {
  test("when the admin deactivates the mediator, then the mediator's open session ends at once", async () => {
    const mediator = await signedIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it', LAPTOP);
    const page = await signedIn(demo.browser, demo.app.url, 'admin@demo.primm.it', LAPTOP);

    await nav(page).getByRole('link', { name: 'Utenti' }).click();
    const table = page.getByRole('table', { name: /^Utenti:/ });
    await table.waitFor();
    await checkPage(page);
    // wider than a laptop's page: its box scrolls, and shows it by a shadow at each edge (styles.css)
    const box = page.getByRole('region', { name: /^Utenti:/ });
    expect(await box.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    expect(await box.evaluate((e) => getComputedStyle(e).backgroundImage.match(/radial-gradient/g)?.length)).toBe(2);
    await table.getByRole('button', { name: 'Disattiva mediatore@demo.primm.it' }).click();
    await page.getByRole('button', { name: "Disattiva l'utente" }).click();
    await page.getByText('mediatore@demo.primm.it disattivato: le sue sessioni sono terminate.').waitFor();
    await table.getByRole('button', { name: 'Riattiva mediatore@demo.primm.it' }).waitFor();
    await checkPage(page);

    expect((await mediator.request.get(`${demo.app.url}/api/me`)).status()).toBe(401);
    await mediator.reload();
    await mediator.getByRole('heading', { name: 'Accedi con il tuo account' }).waitFor();
  }, 120_000);

  test('when the admin creates two users from a CSV, then the preview lists them and their one-time passwords download once', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'admin@demo.primm.it', LAPTOP);
    const code = (
      (await (await page.request.get(`${demo.app.url}/api/schools?level=secondo_grado`)).json()) as {
        items: { code: string }[];
      }
    ).items[0]!.code;
    const cls = (
      (await (await page.request.get(`${demo.app.url}/api/schools/${code}`)).json()) as {
        classList: { name: string }[];
      }
    ).classList[0]!.name;

    await nav(page).getByRole('link', { name: 'Utenti' }).click();
    const bulk = page.getByRole('region', { name: 'Crea più utenti da un file CSV' });
    await bulk
      .getByLabel('Oppure incolla qui il contenuto del CSV')
      .fill(
        `Email;Nome;Ruolo;Scuole;Classi\nnuova.docente@scuola.it;Nuova Docente;docente;;${code}/${cls}\nnuovo.mediatore@scuola.it;Nuovo Mediatore;mediatore;${code};\n`,
      );
    await bulk.getByRole('button', { name: 'Anteprima' }).click();
    await bulk.getByText('2 righe lette: 2 valide, 0 da correggere.').waitFor();
    expect(await bulk.getByRole('table', { name: 'Utenti del file' }).getByRole('row').nth(1).textContent()).toContain(
      `${code} ${cls}`,
    );
    await checkPage(page);
    await bulk.getByRole('button', { name: 'Crea 2 utenti' }).click();

    await bulk.getByText('2 utenti creati.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bulk.getByRole('button', { name: 'Scarica le password (CSV)' }).click(),
    ]);
    const saved = readFileSync(await downloaded(download), 'utf8');
    expect(saved).toMatch(/nuova\.docente@scuola\.it;Nuova Docente;docente;[A-Za-z0-9]{16}/);
    expect(saved).toMatch(/nuovo\.mediatore@scuola\.it;Nuovo Mediatore;mediatore;[A-Za-z0-9]{16}/);
    await checkPage(page);
    await page
      .getByRole('table', { name: /^Utenti:/ })
      .getByRole('row', { name: /nuova\.docente@scuola\.it/ })
      .getByText(`${cls} (${code} 2025/26)`)
      .waitFor();
  });

  test('when the admin creates a service token on a phone, then the token shown once wraps inside its box', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'admin@demo.primm.it', {
      viewport: { width: 390, height: 844 },
    });
    const code = (
      (await (await page.request.get(`${demo.app.url}/api/schools?level=secondo_grado`)).json()) as {
        items: { code: string }[];
      }
    ).items[0]!.code;

    await page.goto(`${demo.app.url}/utenti`);
    await page.getByLabel('Nome (chi lo usa)').fill('registro elettronico');
    await page.getByLabel('Codici meccanografici delle scuole').fill(code);
    await page.getByRole('button', { name: 'Crea token' }).click();
    await page.getByText('Copiatelo ora nella configurazione della macchina').waitFor();
    // A 40-odd-character token in one word: without a break it pushed the page sideways.
    expect(await page.locator('code.otp').textContent()).toMatch(/^primm_/);
    await checkPage(page);
  }, 120_000);

  test("when the admin reads the audit log, then every action has a label, and the login page's session probe is not a denial", async () => {
    const page = await signIn(demo.browser, demo.app.url, 'admin@demo.primm.it', LAPTOP);

    await nav(page).getByRole('link', { name: 'Registro accessi' }).click();
    const table = page.getByRole('table', { name: 'Eventi del registro, dal più recente' });
    await table.waitFor();
    await checkPage(page);
    const actions = await table.locator('tbody tr td:nth-of-type(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => /^[a-z_]+(\.[a-z_]+)+$/.test(a))).toEqual([]);

    // Every sign-in of these journeys first probed /api/me without a session.
    const denied = (await (
      await page.request.get(`${demo.app.url}/api/audit?action=access.denied&limit=500`)
    ).json()) as { items: { path: string | null }[] };
    expect(denied.items.filter((e) => e.path?.startsWith('/api/me'))).toEqual([]);

    await page.getByLabel('Studente (nome, codice fiscale o ID)').fill('Rossi');
    await page.getByRole('button', { name: 'Filtra' }).click();
    await page.getByText(/^Righe che riguardano|^Nessuno studente corrisponde/).waitFor();
    await checkPage(page);
  }, 120_000);

  test("when the admin records a municipality's PEC, then the contacts page lists it", async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'admin@demo.primm.it', LAPTOP);

    await nav(page).getByRole('link', { name: 'Comuni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contatti dei comuni' }).waitFor();
    await page.getByLabel('Cerca un comune').fill('Ancona');
    await page.getByRole('button', { name: 'Modifica i contatti di Ancona' }).click();
    await page.getByLabel('PEC').fill('comune.ancona@emarche.it');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Contatti di Ancona salvati.').waitFor();
    await page
      .getByRole('row', { name: /Ancona/ })
      .getByText('comune.ancona@emarche.it')
      .waitFor();
    await checkPage(page);
  }, 120_000);
});
