import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { setupDemoApp } from './demo-app';
import { expectPageFits } from './page-checks';
import { signedIn } from './sign-in';

const demo = setupDemoApp();
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const today = new Date().toISOString().slice(0, 10);
const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

describe('Cosa funziona (issue 22)', () => {
  test('when the analyst opens "Cosa funziona", then the warning, the estimates with their intervals, the outcomes and the participants\' view are there, with no name, at 1366×768 and 390×844', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'analista@demo.primm.it', { viewport: DESKTOP });

    await nav(page).getByRole('link', { name: 'Cosa funziona' }).click();

    await page.getByRole('heading', { level: 1, name: 'Cosa funziona' }).waitFor();
    await page.getByText(/è un confronto osservazionale, non una sperimentazione/).waitFor();
    const effects = page.getByRole('table', { name: /^Differenza nelle differenze per tipo di azione/ });
    await effects.waitFor();
    // the demo's family meetings are many: an estimate with its interval, computed from the demo's series
    const meetings = effects.getByRole('row', { name: /Colloquio con la famiglia/ });
    expect(await meetings.textContent()).toMatch(/\(da [−+-]?\d+,\d a [−+-]?\d+,\d\)/);
    expect(
      await page
        .getByRole('table', { name: /^Casi chiusi ed esiti/ })
        .getByRole('row')
        .count(),
    ).toBeGreaterThan(2);
    expect(
      await page
        .getByRole('table', { name: /^Valutazioni raccolte alla chiusura/ })
        .getByRole('row')
        .count(),
    ).toBeGreaterThan(2);
    await page.getByText(/^Mediana \d+ giorni/).waitFor();
    await expectPageFits(page);

    await page.getByLabel('Dettaglio per').selectOption('province');
    await effects.getByRole('columnheader', { name: 'Gruppo' }).waitFor();
    expect(await effects.getByText('<10').count()).toBeGreaterThan(0);
    await expectPageFits(page);

    await page.setViewportSize(PHONE);
    await page.getByLabel('Dettaglio per').selectOption('none');
    await effects.getByRole('row', { name: /Colloquio con la famiglia/ }).waitFor();
    await expectPageFits(page);
  });

  test("when a mediator closes a case with the young person's and the family's view, then the case shows them, the comment included", async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it', { viewport: DESKTOP });
    await nav(page).getByRole('link', { name: 'Da seguire' }).click();
    const worklist = page.getByRole('table', { name: /^Da seguire: \d+ student/ });
    await worklist.waitFor();
    await worklist.getByRole('rowheader').first().getByRole('link').click();
    await page.getByRole('button', { name: 'Segnala come a rischio…' }).click();
    await page.getByLabel('Motivo').selectOption({ label: 'Assenze frequenti' });
    await page.getByLabel('Descrivi cosa hai notato').fill('Assenze ripetute nelle ultime settimane.');
    await page.getByRole('button', { name: 'Segnala', exact: true }).click();
    await page.getByText('Segnalazione registrata.').waitFor();
    await page.getByRole('button', { name: 'Apri un caso da questa segnalazione' }).click();
    const open = page.locator('form[aria-label="Apri un caso da questa segnalazione"]').first();
    await open.getByLabel('Obiettivo del caso').fill('Sostenere lo studio e la frequenza');
    await open.getByRole('button', { name: 'Apri il caso' }).click();
    await page.getByRole('heading', { level: 1, name: /^Caso n\. \d+:/ }).waitFor();
    await page.getByLabel('Tipo di azione').selectOption('tutoring');
    await page.getByLabel('Data', { exact: true }).fill(today);
    await page.getByLabel('Partecipanti').fill('studente, tutor');
    await page.getByRole('button', { name: "Registra l'azione" }).click();
    await page.getByText('Azione registrata.').waitFor();

    await page.getByRole('button', { name: 'Chiudi il caso…' }).click();
    const close = page.locator('form[aria-label="Chiudi il caso"]');
    await close.getByLabel('Esito').selectOption({ label: 'Tornato/a in pari' });
    await close.getByLabel('Registra il parere: Il/la giovane').check();
    await close.getByLabel('Il/la giovane – Ha aiutato?').selectOption('4');
    await close
      .getByLabel('Il/la giovane – Che cosa ha aiutato di più')
      .selectOption({ label: "L'aiuto nello studio" });
    await close.getByLabel('Il/la giovane – Commento').fill('Il tutor mi ha spiegato bene');
    await close.getByLabel('Registra il parere: La famiglia').check();
    await close.getByLabel('La famiglia – Ha aiutato?').selectOption('5');
    await close
      .getByLabel('La famiglia – Che cosa ha aiutato di più')
      .selectOption({ label: 'Il rapporto con la famiglia' });
    await expectPageFits(page);
    await close.getByRole('button', { name: 'Chiudi il caso' }).click();

    await page.getByRole('heading', { name: 'Il parere dei partecipanti' }).waitFor();
    await page
      .getByText(
        /Il\/la giovane: Ha aiutato: 4 su 5; Ha aiutato di più: L'aiuto nello studio – «Il tutor mi ha spiegato bene»/,
      )
      .waitFor();
    await page.getByText(/La famiglia: Ha aiutato: 5 su 5/).waitFor();
    await expectPageFits(page);
  });
});
