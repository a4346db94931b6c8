import { describe, expect, test } from 'vitest';
import { accessibilityViolations } from './browser';
import { setupDemoApp } from './demo-app';
import { signedIn } from './sign-in';

const demo = setupDemoApp();
let flaggedStudent = '';

describe('teacher and mediator journeys', () => {
  test('when the teacher opens a class, sorts by tier, opens a student and flags them, then the flag is recorded', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'docente@demo.primm.it');

    await page.getByRole('heading', { level: 1, name: 'Le mie classi' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page
      .getByRole('link', { name: /Apri l'elenco del rischio/ })
      .first()
      .click();
    const table = page.getByRole('table', { name: /Rischio degli studenti/ });
    await table.waitFor();
    // The list opens sorted by tier; sort by name, then by tier again (highest first).
    const nameHeader = table.getByRole('columnheader', { name: /Studente/ });
    const tierHeader = table.getByRole('columnheader', { name: /Livello/ });
    await nameHeader.getByRole('button').click();
    await nameHeader.and(page.locator('[aria-sort="ascending"]')).waitFor();
    await tierHeader.getByRole('button').click();
    await tierHeader.and(page.locator('[aria-sort="descending"]')).waitFor();
    expect(page.url()).toContain('sort=tier');
    expect(await table.getByRole('row').nth(1).textContent()).toMatch(/Livello 3/);
    expect(await accessibilityViolations(page)).toEqual([]);

    const first = table.getByRole('row').nth(1).getByRole('link').first();
    flaggedStudent = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: flaggedStudent }).waitFor();
    await page.getByRole('button', { name: 'Segnala come a rischio…' }).click();
    await page.getByLabel('Motivo').selectOption({ label: 'Assenze frequenti' });
    await page
      .getByLabel('Descrivi cosa hai notato')
      .fill('Assente quasi tutti i lunedì da ottobre, la famiglia non risponde.');
    await page.getByRole('button', { name: 'Segnala', exact: true }).click();
    await page.getByText('Segnalazione registrata.').waitFor();
    await page.getByText('Assente quasi tutti i lunedì da ottobre').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('when the mediator opens a case from that flag and logs a reorientation with a follow-up, then the caseload shows it', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it');

    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'I miei casi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'I miei casi' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: flaggedStudent }).first().click();
    // The caseload's "Segnalati senza caso" has a button of the same name: until the student page is
    // there, a click could open that one's form just before the page changes (a flaky failure).
    await page.getByRole('heading', { level: 1, name: flaggedStudent }).waitFor();
    await page.getByRole('button', { name: 'Apri un caso da questa segnalazione' }).click();
    const openCase = page.locator('form[aria-label="Apri un caso da questa segnalazione"]').first();
    await openCase.waitFor({ state: 'visible' });
    await openCase
      .getByLabel('Obiettivo del caso')
      .fill('Capire le assenze del lunedì e valutare un percorso professionale');
    await openCase.getByRole('button', { name: 'Apri il caso' }).click();

    await page.getByRole('heading', { name: 'Nuova azione' }).waitFor();
    await page.getByLabel('Tipo di azione').selectOption('reorient_iefp');
    await page.getByLabel('Partecipanti').fill('studente, madre, mediatore, referente');
    await page.getByLabel('Destinazione (obbligatoria)').fill('CFP di Ancona – operatore meccanico');
    await page.getByLabel('Data della verifica successiva').fill('2026-12-15');
    await page.getByRole('button', { name: "Registra l'azione" }).click();
    await page.getByText('Azione registrata.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'I miei casi' })
      .click();
    const cases = page.getByRole('table', { name: /Casi aperti/ });
    await cases.getByRole('row', { name: new RegExp(flaggedStudent) }).waitFor();
    expect(await cases.getByRole('row', { name: new RegExp(flaggedStudent) }).textContent()).toContain('15/12/2026');
  });
});
