import { request, type Locator, type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { setupDemoApp } from './demo-app';
import { expectFocusOn, expectPageFits } from './page-checks';
import { signIn, signedIn } from './sign-in';

const demo = setupDemoApp();
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
// The server's date decides "this week" (UTC, like the follow-up dates it stores).
const today = new Date().toISOString().slice(0, 10);

/** State the journey carries from one step to the next, as a mediator's day would. */
const journey = { student: '', studentUrl: '', caseUrl: '', caseId: 0 };

/** A disclosure: its form is hidden (really: not rendered) until the button opens it. */
async function openDisclosure(page: Page, button: Locator, formName: string): Promise<Locator> {
  const form = page.locator(`form[aria-label="${formName}"]`).first();
  expect(await form.isVisible()).toBe(false);
  await button.click();
  await form.waitFor({ state: 'visible' });
  return form;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

describe('mediator journey at 1366×768', () => {
  test('when the mediator signs in, then the landing page is the caseload; the worklist leads to a student whose family language is recorded and a case opened', async () => {
    const page = await signIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('heading', { level: 1, name: 'I miei casi' }).waitFor();
    await page.getByRole('region', { name: 'Verifiche di questa settimana' }).waitFor();
    await page.getByRole('region', { name: 'Calendario delle verifiche' }).waitFor();
    await expectPageFits(page);

    // wide enough for every link: no menu button
    expect(await nav(page).getByRole('button', { name: /^Menu/ }).isVisible()).toBe(false);
    await nav(page).getByRole('link', { name: 'Da seguire' }).click();
    const worklist = page.getByRole('table', { name: /^Da seguire: \d+ student/ });
    await worklist.waitFor();
    await expectPageFits(page);
    const first = worklist.getByRole('rowheader').first().getByRole('link');
    journey.student = (await first.textContent())!.trim();
    await first.click();

    await page.getByRole('heading', { level: 1, name: journey.student }).waitFor();
    journey.studentUrl = page.url();
    const family = page.getByRole('region', { name: 'Famiglia' });
    await family.getByRole('button', { name: 'Modifica' }).click();
    await family.getByLabel('Lingua in cui legge la famiglia').selectOption({ label: 'arabo' });
    await family.getByRole('radio', { name: 'Sì' }).check();
    await family.getByRole('button', { name: 'Salva' }).click();
    await family.getByText('Dati della famiglia salvati.').waitFor();
    await expectFocusOn(page, 'Dati della famiglia salvati.');
    expect(await family.getByText('arabo (العربية)').isVisible()).toBe(true);
    await expectPageFits(page);

    // flagged first, as a teacher would; the case answers that flag
    await page.getByRole('button', { name: 'Segnala come a rischio…' }).click();
    await page.getByLabel('Motivo').selectOption({ label: 'Assenze frequenti' });
    await page
      .getByLabel('Descrivi cosa hai notato')
      .fill('Assente quasi tutti i lunedì, la famiglia non risponde alle comunicazioni in italiano.');
    await page.getByRole('button', { name: 'Segnala', exact: true }).click();
    await page.getByText('Segnalazione registrata.').waitFor();
    const open = await openDisclosure(
      page,
      page.getByRole('button', { name: 'Apri un caso da questa segnalazione' }),
      'Apri un caso da questa segnalazione',
    );
    await open
      .getByLabel('Obiettivo del caso')
      .fill('Capire le assenze e incontrare la famiglia con un mediatore linguistico');
    await open.getByRole('button', { name: 'Apri il caso' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Caso n\\. \\d+: ${journey.student}`) }).waitFor();
    journey.caseUrl = page.url();
    journey.caseId = Number(/\/casi\/(\d+)/.exec(journey.caseUrl)![1]);
    // the family's language is on the case page too
    await page.getByRole('region', { name: 'Famiglia' }).getByText('arabo (العربية)').waitFor();
  });

  test('when an action with a follow-up today is recorded and its outcome updated, then each confirmation takes the focus, and the follow-up is this week and in the calendar and the phone feed', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it');
    await page.setViewportSize(DESKTOP);
    await page.goto(journey.caseUrl);
    await page.getByRole('heading', { name: 'Nuova azione' }).waitFor();
    // the close form stays closed until asked for (issue 19: it was always open)
    expect(await page.locator('form[aria-label="Chiudi il caso"]').isVisible()).toBe(false);

    await page.getByLabel('Tipo di azione').selectOption('family_meeting');
    await page.getByLabel('Data', { exact: true }).fill(today);
    await page.getByLabel('Partecipanti').fill('madre, mediatore linguistico, coordinatore di classe');
    await page.getByLabel('Data della verifica successiva').fill(today);
    await page.getByRole('button', { name: "Registra l'azione" }).click();
    await page.getByText('Azione registrata.').waitFor();
    await expectFocusOn(page, 'Azione registrata.');

    const update = await openDisclosure(
      page,
      page.getByRole('button', { name: 'Aggiorna esito: Colloquio con la famiglia' }),
      'Aggiorna esito: Colloquio con la famiglia',
    );
    await update.getByLabel('Esito').fill('la madre verrà al consiglio di classe');
    await update.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Esito aggiornato.').waitFor();
    await expectFocusOn(page, 'Esito aggiornato.');
    expect(await update.isVisible()).toBe(false);
    await expectPageFits(page);

    await nav(page).getByRole('link', { name: 'I miei casi' }).click();
    const week = page.getByRole('region', { name: 'Verifiche di questa settimana' });
    await week.getByRole('link', { name: new RegExp(journey.student) }).waitFor();
    const calendar = page.getByRole('region', { name: 'Calendario delle verifiche' });
    expect(await calendar.locator(`a[href="/casi/${journey.caseId}"]`).count()).toBeGreaterThan(0);
    await calendar.getByRole('button', { name: 'Elenco' }).click();
    await calendar.getByRole('link', { name: `${journey.student}, caso n. ${journey.caseId}` }).waitFor();

    const phone = page.getByRole('region', { name: 'Le verifiche nel calendario del telefono' });
    await phone.getByRole('button', { name: "Crea l'indirizzo del calendario" }).click();
    const address = phone.getByRole('textbox', { name: 'Indirizzo del calendario' });
    await address.waitFor();
    await expectFocusOn(page, 'Ecco il tuo indirizzo');
    await expectPageFits(page);

    // a calendar app: no cookie, only the address; the event has the case, never the student
    const calendarApp = await request.newContext();
    const ics = await calendarApp.get(await address.inputValue());
    expect(ics.status()).toBe(200);
    const text = await ics.text();
    expect(text).toContain(`DTSTART;VALUE=DATE:${today.replaceAll('-', '')}`);
    expect(text).toContain(`SUMMARY:Verifica del caso n. ${journey.caseId}`);
    for (const part of journey.student.split(' ')) expect(text).not.toContain(part);
    await calendarApp.dispose();
  });

  test('when the case is closed, then the outcome is focused, the case is in the archive with its school by name, and its flag does not come back under "Segnalati senza caso"', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it');
    await page.setViewportSize(DESKTOP);
    await page.goto(journey.caseUrl);
    await page.getByRole('heading', { name: 'Chiudi il caso', exact: true }).waitFor();

    const close = await openDisclosure(page, page.getByRole('button', { name: 'Chiudi il caso…' }), 'Chiudi il caso');
    await close.getByLabel('Esito').selectOption({ label: 'Tornato/a in pari' });
    await close.getByRole('button', { name: 'Chiudi il caso' }).click();
    await page.getByText('Chiuso con esito: Tornato/a in pari').waitFor();
    await expectFocusOn(page, 'Chiuso con esito: Tornato/a in pari');

    await nav(page).getByRole('link', { name: 'Archivio casi' }).click();
    const archive = page.getByRole('table', { name: /^Casi chiusi: \d+/ });
    const row = archive.getByRole('row', { name: new RegExp(journey.student) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Tornato\/a in pari/);
    expect(await row.textContent()).toMatch(/\p{L}[^(]+ \([A-Z]{2}[A-Z0-9]{8}\)/u); // the school by name, its code beside it
    await expectPageFits(page);

    await nav(page).getByRole('link', { name: 'I miei casi' }).click();
    const flagged = page.getByRole('region', { name: 'Segnalati senza caso' });
    await flagged.waitFor();
    await page.getByRole('region', { name: 'Verifiche di questa settimana' }).waitFor();
    expect(await flagged.getByText(journey.student).count()).toBe(0); // issue 19: it came back here, reproduced twice
  });
});

describe('mediator pages at 390×844', () => {
  test('when the mediator goes through the caseload, the worklist and the archive on a phone, then none scrolls sideways and the header is compact', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it');
    await page.setViewportSize(PHONE);

    await page.goto(demo.app.url);
    await page.getByRole('heading', { level: 1, name: 'I miei casi' }).waitFor();
    // the calendar starts as a list on a phone
    await page
      .getByRole('region', { name: 'Calendario delle verifiche' })
      .getByRole('button', { name: 'Elenco', pressed: true })
      .waitFor();
    expect(
      await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height),
    ).toBeLessThan(220);
    await expectPageFits(page);
    // the menu folded behind a button that names the page
    const menu = nav(page).getByRole('button', { name: 'Menu: I miei casi', expanded: false });
    await menu.waitFor();
    expect(await nav(page).getByRole('link', { name: 'Da seguire' }).isVisible()).toBe(false);

    for (const [link, ready] of [
      ['Da seguire', page.getByRole('table', { name: /^Da seguire:/ })],
      ['Archivio casi', page.getByRole('table', { name: /^Casi chiusi:/ })],
    ] as const) {
      await nav(page).getByRole('button', { name: /^Menu/, expanded: false }).click();
      await nav(page).getByRole('link', { name: link }).click();
      await ready.waitFor();
      // folded again once a page is chosen
      await nav(page)
        .getByRole('button', { name: `Menu: ${link}`, expanded: false })
        .waitFor();
      await expectPageFits(page);
    }
    // a 1366×768 laptop at 200 % zoom: still folded (unfolded, the links took three rows)
    await page.setViewportSize({ width: 683, height: 384 });
    await nav(page).getByRole('button', { name: 'Menu: Archivio casi', expanded: false }).waitFor();
    expect(await nav(page).getByRole('link', { name: 'Da seguire' }).isVisible()).toBe(false);
    // and the header compact as on a phone (the tools in two rows made it 270 px of 384)
    expect(
      await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height),
    ).toBeLessThan(160);
  });

  test('when the mediator opens a case from the student page on a phone, then the forms hide when hidden and the focus follows a submit', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it');
    await page.setViewportSize(PHONE);

    await page.goto(journey.studentUrl);
    await page.getByRole('heading', { level: 1, name: journey.student }).waitFor();
    await page.getByRole('region', { name: 'Famiglia' }).getByText('arabo (العربية)').waitFor();
    await expectPageFits(page);
    // among the page's actions, beside the summary (issue 19)
    const open = await openDisclosure(
      page,
      page.getByRole('complementary', { name: 'Azioni' }).getByRole('button', { name: 'Apri un caso' }),
      'Apri un caso',
    );
    await open.getByLabel('Obiettivo del caso').fill('Seguire il rientro dopo la chiusura del primo caso');
    await open.getByRole('button', { name: 'Apri il caso' }).click();
    await page.getByRole('heading', { name: 'Nuova azione' }).waitFor();
    expect(await page.locator('form[aria-label="Chiudi il caso"]').isVisible()).toBe(false);

    await page.getByLabel('Stato', { exact: true }).selectOption('monitoring');
    await page.getByRole('button', { name: 'Cambia stato' }).click();
    await page.getByText('Stato aggiornato.').waitFor();
    await expectFocusOn(page, 'Stato aggiornato.');
    await expectPageFits(page);

    await page.goto(journey.caseUrl); // the closed case, with its effect chart and tables
    await page.getByText('Chiuso con esito: Tornato/a in pari').waitFor();
    await page
      .getByRole('table', { name: 'Prima e dopo la prima azione' })
      .or(page.getByText("L'effetto si misura dalla prima azione"))
      .first()
      .waitFor();
    await expectPageFits(page);
  });
});
