import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { accessibilityViolations } from './browser';
import { downloaded, setupDemoApp } from './demo-app';
import { expectPageFits } from './page-checks';
import { signedIn } from './sign-in';

const demo = setupDemoApp();

describe('regional analysis as the demo analyst', () => {
  test('overview → table view → CSV → drill-down → printable report, never a name, axe on each page', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'analista@demo.primm.it');

    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Analisi regionale' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Analisi regionale' }).waitFor();
    await page.getByRole('heading', { name: 'Studenti per provincia' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // On a phone the analysis never scrolls sideways: its four tabs wrap (issue 19's rule for every page).
    await page.setViewportSize({ width: 390, height: 844 });
    // (the charts take the new width when their ResizeObserver fires: the page settles, then is measured)
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), { timeout: 5000 })
      .toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });

    // The table view of the first chart, then its CSV: exactly what is shown.
    const panel = page.getByRole('region', { name: /Studenti per provincia/ }).first();
    await panel.getByRole('button', { name: 'Tabella' }).click();
    const table = panel.getByRole('table');
    await table.waitFor();
    expect(await table.textContent()).toMatch(/Ancona/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /Scarica CSV/ }).click(),
    ]);
    const csv = readFileSync(await downloaded(download), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toMatch(/Ancona/);
    expect(download.suggestedFilename()).toMatch(/studenti-per-provincia.*\.csv$/);

    // Year-on-year (#20): the previous year at the same date, from its frozen snapshot, beside this
    // year: a column per year in the table, on the provinces tab and on the fairness tab.
    const previousColumn = /^Studenti \(\d{4}\/\d{2} al \d{2}\/\d{2}\/\d{4}\)$/;
    const toggle = page.getByRole('checkbox', { name: 'Confronta con l’anno precedente alla stessa data' });
    await toggle.check();
    await panel.getByRole('columnheader', { name: previousColumn }).waitFor();
    await page.getByText(/com’era il \d{2}\/\d{2}\/\d{4}/).waitFor();
    await expectPageFits(page);
    await toggle.uncheck();
    await page.getByRole('tab', { name: 'Equità degli indicatori' }).click();
    await toggle.check();
    const fairness = page.getByRole('region', { name: 'Segnalati e livello 2 o 3 per sesso' });
    await fairness.getByRole('button', { name: 'Tabella' }).click();
    await fairness.getByRole('columnheader', { name: previousColumn }).waitFor();
    await expectPageFits(page);
    await page.getByRole('tab', { name: 'Province' }).click();

    // Drill-down: the schools of a province (school names are public), then its printable report.
    await page.getByRole('link', { name: 'Ancona' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Provincia di Ancona/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Rapporto stampabile della provincia' }).click();
    await page.getByRole('heading', { level: 1, name: /Rapporto – provincia di Ancona/ }).waitFor();
    await page.getByRole('heading', { name: 'Commento' }).waitFor();
    await page.getByRole('button', { name: 'Stampa / salva in PDF' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The report with the comparison (#20): the province's previous year at the same date in its
    // key figures and charts, kept in the address for printing; on paper each chart's table too.
    // (a click, then the address: the box follows the address, which changes a moment later)
    await page.getByRole('checkbox', { name: 'Confronta con l’anno precedente alla stessa data' }).click();
    await page.waitForURL(/compare=previous/);
    const tiers = page.getByRole('region', { name: 'Studenti per livello di rischio' });
    await tiers.getByRole('button', { name: 'Tabella' }).click();
    await tiers.getByRole('columnheader', { name: previousColumn }).waitFor();
    await expectPageFits(page);
    await page.emulateMedia({ media: 'print' });
    const bands = page.getByRole('table', { name: 'Studenti per fascia di frequenza' });
    expect(await bands.getByRole('columnheader', { name: previousColumn }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await bands.isVisible()).toBe(false);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), { timeout: 5000 })
      .toBe(true);
    await expectPageFits(page);
    await page.setViewportSize({ width: 1366, height: 768 });

    // No person anywhere in what the analyst's pages received.
    const body = await page.content();
    expect(body).not.toMatch(/data di nascita|codice fiscale/i);
    // ≈ 100 s on a loaded 2-core machine (axe at each stop), as long as the other specs' journeys allow
  }, 120_000);
});
