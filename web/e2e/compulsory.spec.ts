import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { generateRegion } from '../../scripts/gen/generate-region';
import { DEMO_REGION } from '../../server/src/demo/load-demo';
import { accessibilityViolations } from './browser';
import { setupDemoApp } from './demo-app';
import { signedIn } from './sign-in';

const demo = setupDemoApp();

describe('compulsory education as the demo referent', () => {
  test('a student passes 15 days → the family notice is recorded → new register data shows no return → the report to the mayor is printed', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'referente@demo.primm.it');

    // The deadline view lists the family to notify (the demo data reach 31/03/2026).
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Scadenze' })
      .click();
    await page.getByRole('heading', { level: 1, name: "Scadenze dell'obbligo di istruzione" }).waitFor();
    const toNotify = page.getByRole('region', { name: 'Famiglie da avvisare' });
    const studentLink = toNotify.getByRole('link').first();
    await studentLink.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const studentName = (await studentLink.textContent())!.trim();
    await studentLink.click();

    // The notice, on the last day of the data.
    await page.getByRole('heading', { name: 'Obbligo e frequenza' }).waitFor();
    await page.getByLabel('Data della comunicazione').fill('2026-03-31');
    await page.getByRole('button', { name: 'Registra la comunicazione' }).click();
    await page.getByText(/Comunicazione del 31\/03\/2026 registrata/).waitFor();
    const studentUrl = page.url();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The register's next export: the same school (same seed), plus three unjustified days away
    // around the Easter holidays (02–07/04): no return within the 7 days after the notice.
    const me = (await (await page.request.get(`${demo.app.url}/api/me`)).json()) as { schools: { code: string }[] };
    const dir = mkdtempSync(join(tmpdir(), 'primm-e2e-export-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true })); // 12 schools' files, every run
    await generateRegion({ ...DEMO_REGION, outDir: dir });
    const school = join(dir, me.schools[0]!.code);
    // "Cognome Nome" as the page shows it; a surname may be two words (De Angelis)
    const row = readFileSync(join(school, 'studenti.csv'), 'utf8')
      .split('\n')
      .find((l) => {
        const f = l.split(';');
        return `${f[1]} ${f[2]}` === studentName;
      });
    expect(row).toBeDefined();
    const cf = row!.split(';')[0]!;
    appendFileSync(
      join(school, 'assenze.csv'),
      ['01/04/2026', '08/04/2026', '09/04/2026'].map((d) => `${cf};${d};assenza;1;N;\n`).join(''),
    );

    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Importazioni' })
      .click();
    await page.getByLabel('Scegli file').setInputFiles(readdirSync(school).map((f) => join(school, f)));
    await page.getByRole('button', { name: /Conferma importazione/ }).click();
    await page.getByRole('heading', { name: 'Importazione completata' }).waitFor({ timeout: 60_000 });

    // Back to the student: the countdown ran out, the report is due and printable.
    await page.goto(studentUrl);
    await page.getByText(/Nessun rientro entro il 07\/04\/2026/).waitFor();
    await page.getByRole('link', { name: 'Apri la segnalazione da stampare' }).click();
    await page.getByText(/Al Sindaco/).waitFor();
    await page.getByRole('button', { name: 'Stampa / salva in PDF' }).waitFor();
    expect(await page.content()).toContain('31/03/2026');
    expect(await accessibilityViolations(page)).toEqual([]);
    // A region generated and imported through the page: the import alone may wait up to 60 s
    // (above), so the journey has the 120 s of the other journeys that import (57–60 s at load 8–11).
  }, 120_000);
});
