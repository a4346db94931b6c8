import type { RiskLegend } from '@primm/shared/contracts/risk-legend';
import { describe, expect, test } from 'vitest';
import { accessibilityViolations } from './browser';
import { setupDemoApp } from './demo-app';
import { signedIn } from './sign-in';

const demo = setupDemoApp();

/**
 * Issue 18 on the admin's side: the backtest of the demo's 2024/25 becomes the legend, then new
 * cut points chosen on the preview re-cut it. (What a teacher's list shows of it belongs to the
 * screens of the class and the student.)
 */
describe('model reliability as the demo admin', () => {
  test('runs the backtest of 2024/25 and saves it as the legend, previews and saves new cut points, and the legend follows; in Italian and English, axe on each state', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'admin@demo.primm.it');
    const legend = page.getByRole('complementary', { name: 'Che cosa significano i livelli' });
    const readLegend = async () =>
      (await (await page.request.get(`${demo.app.url}/api/risk/legend`)).json()) as RiskLegend;

    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Affidabilità del modello' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Affidabilità del modello' }).waitFor();
    await legend.getByText('I livelli non sono ancora stati verificati sui dati della regione').waitFor();
    expect(await readLegend()).toEqual({ validated: false });
    expect(await accessibilityViolations(page)).toEqual([]);

    // The check: the newest past year is offered first; the page follows the run to its report.
    expect(await page.getByLabel('Anno scolastico').inputValue()).toBe('2024/25');
    await page.getByRole('button', { name: 'Esegui la verifica' }).click();
    const levels = page.getByRole('table', { name: 'Che cosa ha significato ogni livello' });
    await levels.waitFor({ timeout: 50_000 });
    const rate = async (level: number) =>
      Number(
        (await levels
          .getByRole('row', { name: new RegExp(`^Livello ${level}`) })
          .getByRole('cell')
          .nth(2)
          .textContent())!
          .replace(' %', '')
          .replace(',', '.'),
      );
    // The generator's planted relation: the bad-outcome rate rises with the level.
    expect(await rate(3)).toBeGreaterThan(await rate(2));
    expect(await rate(2)).toBeGreaterThan(await rate(1));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Salva come legenda della regione' }).click();
    await page.getByRole('status').filter({ hasText: 'Salvata come legenda della regione il' }).waitFor();
    await legend
      .getByText(
        /^Livello 3: nel 2024\/25, \d+ studenti su 10 con questi segnali non sono stati ammessi o hanno lasciato$/,
      )
      .waitFor();
    const byRules = await readLegend();
    expect(byRules).toMatchObject({ validated: true, schoolYear: '2024/25' });

    // New cut points on the model's probability: the preview counts, then the save re-cuts the legend.
    await page.getByRole('radio', { name: 'dalla probabilità del modello' }).check();
    await page.getByLabel('Livello 2 da (% di probabilità)').fill('20');
    await page.getByLabel('Livello 3 da (% di probabilità)').fill('50');
    await page.getByRole('button', { name: "Mostra l'anteprima" }).click();
    const past = page.getByRole('table', { name: 'Con questa scelta, nel 2024/25' });
    await past.waitFor();
    await page
      .getByRole('table', { name: "Studenti di quest'anno per livello, con questa scelta" })
      .getByRole('row', { name: /^Regione/ })
      .waitFor();
    const previewed = await Promise.all(
      [1, 2, 3].map(async (level) =>
        Number(
          (await past
            .getByRole('row', { name: new RegExp(`^Livello ${level}`) })
            .getByRole('cell')
            .first()
            .textContent())!.replace(/\./g, ''),
        ),
      ),
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Salva questi livelli' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Salvata la versione \d+\. I nuovi livelli valgono dal prossimo ricalcolo\.$/ })
      .waitFor();
    const byProbability = await readLegend();
    if (!byProbability.validated || !byRules.validated) throw new Error('the legend should be validated');
    // The endpoint gives the preview's levels (counts under 10 withheld), not the rules' any more.
    expect(byProbability.levels.map((l) => l.n)).toEqual(previewed.map((n) => (n < 10 ? null : n)));
    expect(byProbability.levels.map((l) => l.n)).not.toEqual(byRules.levels.map((l) => l.n));
    const line3 = (await legend.getByRole('listitem').nth(2).textContent())!;
    expect(line3).toMatch(/^Livello 3: nel 2024\/25, /);

    // In English: the same legend, worded in English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Model reliability' }).waitFor();
    const english = page.getByRole('complementary', { name: 'What the levels mean' });
    await english
      .getByText(
        /^Level 3: in 2024\/25, (\d+ in (10|100)|fewer than 1 in 100) students with these signals (were|was) not admitted or left$/,
      )
      .waitFor();
    await english
      .getByText(/^Checked on the region's data: [\d,]+ students of 2024\/25, as known on 31\/01\/2025\.$/)
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
