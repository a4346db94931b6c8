import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { downloaded, setupDemoApp } from './demo-app';
import { expectPageFits } from './page-checks';
import { signedIn } from './sign-in';

const demo = setupDemoApp();

describe('open data (issue 22 item 4)', () => {
  test('the admin previews and publishes a release; an anonymous browser opens /dati and downloads its CSV', async () => {
    // The admin: preview (what would be published, suppression shown), then publish.
    const admin = await signedIn(demo.browser, demo.app.url, 'admin@demo.primm.it', {
      viewport: { width: 1366, height: 768 },
    });
    await admin
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Dati aperti' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Pubblicare i dati aperti' }).waitFor();
    await admin.getByRole('heading', { name: /Anteprima dell'anno scolastico/ }).waitFor();
    await admin.getByRole('table', { name: /Livelli di attenzione per provincia/ }).waitFor();
    await expectPageFits(admin);
    await admin.getByRole('button', { name: /Pubblica l'anno/ }).click();
    await admin.getByText(/Pubblicazione n\. \d+ fatta/).waitFor();

    // Anyone, without signing in: a new context has no cookie.
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${demo.app.url}/dati`);
    await page.getByRole('heading', { level: 1, name: 'Dati aperti' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: /Indicatori regionali di dispersione scolastica per provincia/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Esci' }).count()).toBe(0);
    const students = page.getByRole('table', { name: /Studenti contati per provincia/ });
    expect(await students.textContent()).toMatch(/Ancona/);
    await expectPageFits(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Scarica CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^primm-indicatori-\d+\.csv$/);
    const csv = readFileSync(await downloaded(download), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^anno_scolastico;provincia;denominazione;studenti;livello_1;livello_2;livello_3;/);
    expect(lines.map((l) => l.split(';')[1])).toEqual(['provincia', 'AN', 'AP', 'FM', 'MC', 'PU', '']);
    // Every count is 0, 10 or more, or a symbol: never 1–9.
    for (const line of lines.slice(1))
      for (const cell of line.split(';').slice(3)) expect(cell).toMatch(/^(0|[1-9]\d+|<10|n\.d\.)$/);
    // What the page shows is what the file holds: the region's students.
    const total = lines.at(-1)!.split(';')[3]!;
    expect((await students.textContent())!.replace(/\./g, '')).toContain(total);

    // English, and a phone.
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    await page.getByRole('table', { name: /Students counted by province/ }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectPageFits(page);
    await context.close();
    // Two sign-ins' worth of pages and four axe passes over long tables: ≈ 50 s on a loaded 2-core machine.
  }, 120_000);
});
