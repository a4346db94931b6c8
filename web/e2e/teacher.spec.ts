import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { setupDemoApp } from './demo-app';
import { expectFocusOn, expectPageFits } from './page-checks';
import { signedIn } from './sign-in';

const demo = setupDemoApp();
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** State the journey carries from one step to the next, as a teacher's morning would. */
const journey = { classUrl: '', student: '', studentUrl: '' };

/** A form behind a button: not shown until the button opens it. */
async function openForm(page: Page, button: string, formName: string): Promise<Locator> {
  const form = page.locator(`form[aria-label="${formName}"]`);
  expect(await form.isVisible()).toBe(false);
  await page.getByRole('complementary', { name: 'Azioni' }).getByRole('button', { name: button }).click();
  await form.waitFor({ state: 'visible' });
  return form;
}

describe('teacher journey at 1366×768', () => {
  test('when the teacher opens a class, then the risk list starts above the fold with every column in view, a row is one Tab stop, and the markers say what is under way', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'docente@demo.primm.it');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('heading', { level: 1, name: 'Le mie classi' }).waitFor();
    await expectPageFits(page);
    await page
      .getByRole('link', { name: /Apri l'elenco del rischio/ })
      .first()
      .click();
    const table = page.getByRole('table', { name: /Rischio degli studenti/ });
    await table.getByRole('row').nth(1).waitFor();
    journey.classUrl = page.url();

    // the first student, level and signals are on screen without scrolling, and so is the last column
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const firstRow = table.getByRole('row').nth(1);
    // (a cell is as tall as its row: what is measured is its content)
    for (const cell of [
      firstRow.getByRole('rowheader').getByRole('link'),
      firstRow.getByText(/^Livello [123]$/).first(),
      firstRow.locator('.chip').first(),
    ]) {
      const box = (await cell.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(DESKTOP.height);
    }
    for (const name of [
      'Studente',
      'Livello',
      'In corso',
      'Segnali',
      'Frequenza',
      'Assenze previste',
      'Insuff.',
      'Andamento assenze',
      'Media',
    ]) {
      const box = await table.getByRole('columnheader', { name: new RegExp(`^${name}`) }).boundingBox();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(DESKTOP.width);
    }
    expect(await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
    await expectPageFits(page);

    // one Tab from a student's name to the next: the chips and levels are no stops
    const names = table.getByRole('rowheader').getByRole('link');
    await names.nth(0).focus();
    await page.getByRole('tooltip').first().waitFor(); // the row's details, on demand
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await names.nth(1).textContent());

    journey.student = (await names.nth(0).textContent())!.trim();
    expect(
      await table
        .getByRole('row', { name: new RegExp(journey.student) })
        .getByText('Segnalato')
        .count(),
    ).toBe(0);
  });

  test('when the teacher opens the most at-risk student, then the summary and the actions come first, the forms open on demand and each confirmation takes the focus', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'docente@demo.primm.it');
    await page.setViewportSize(DESKTOP);
    await page.goto(journey.classUrl);
    await page
      .getByRole('table', { name: /Rischio degli studenti/ })
      .getByRole('link', { name: journey.student })
      .click();

    await page.getByRole('heading', { level: 1, name: journey.student }).waitFor();
    journey.studentUrl = page.url();
    const summary = page.getByRole('region', { name: 'In sintesi' });
    await summary
      .getByText(/^Livello [123]/)
      .first()
      .waitFor();
    expect(await summary.getByText(/^Assenze:/).isVisible()).toBe(true);
    expect((await summary.boundingBox())!.y).toBeLessThan(DESKTOP.height); // above the fold
    expect((await page.getByRole('complementary', { name: 'Azioni' }).boundingBox())!.y).toBeLessThan(DESKTOP.height);
    await page
      .getByRole('region', { name: /Frequenza settimanale/ })
      .locator('.recharts-line-curve')
      .first()
      .waitFor();
    await expectPageFits(page);

    const flag = await openForm(page, 'Segnala come a rischio…', 'Segnala come a rischio (borderline)');
    await flag.getByLabel('Motivo').selectOption({ label: 'Assenze frequenti' });
    await flag
      .getByLabel('Descrivi cosa hai notato')
      .fill('Assente quasi tutti i lunedì da ottobre, la famiglia non risponde.');
    await flag.getByRole('button', { name: 'Segnala', exact: true }).click();
    await expectFocusOn(page, 'Segnalazione registrata.');
    expect(await flag.isVisible()).toBe(false);
    await summary.getByText(/Segnalazioni: 1 aperta \(Assenze frequenti/).waitFor();

    const note = await openForm(page, 'Aggiungi una nota…', 'Nuova nota');
    await note
      .getByLabel('Testo della nota')
      .fill('Parlato con la coordinatrice: colloquio con la famiglia la prossima settimana.');
    await note.getByRole('button', { name: 'Aggiungi la nota' }).click();
    await expectFocusOn(page, 'Nota aggiunta.');
    await page
      .getByRole('list', { name: 'Note, dalla più recente' })
      .getByText(/Parlato con la coordinatrice/)
      .waitFor();

    const review = await openForm(page, 'Rivedi il livello…', 'La tua valutazione');
    await review.getByLabel('Motivazione').fill('Confermo: le assenze del lunedì continuano.');
    await review.getByRole('button', { name: 'Registra la revisione' }).click();
    await expectFocusOn(page, 'Revisione registrata.');
    await summary.getByText(/Ultima revisione: Conferma/).waitFor();
    await expectPageFits(page);

    // the grades open on demand, on a real subject, and judgements are never "media — su 0 voti"
    await page.getByRole('button', { name: 'Voti per materia' }).click();
    const subject = page.getByRole('combobox', { name: 'Materia' });
    await subject.waitFor();
    expect(await subject.inputValue()).not.toMatch(/COMPORTAMENTO|CONDOTTA/);
    expect(await page.getByText(/su 0 voti/).count()).toBe(0);
    await expectPageFits(page);

    // back on the list, the flag shows
    await page.getByRole('link', { name: /^Torna alla classe/ }).click();
    const row = page
      .getByRole('table', { name: /Rischio degli studenti/ })
      .getByRole('row', { name: new RegExp(journey.student) });
    await row.getByText('Segnalato').waitFor();
  });

  test('when the teacher opens their school, then the page says the classes shown are theirs and why the others are not', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'docente@demo.primm.it');
    await page.setViewportSize(DESKTOP);
    await page.goto(journey.classUrl);
    await page.locator('.back-link a').click();

    await page.getByText(/^Vedi le tue 2 classi delle \d+ della scuola\. Le altre \d+ non sono mostrate/).waitFor();
    expect(await page.getByRole('table', { name: 'Le tue classi in questa scuola' }).getByRole('row').count()).toBe(3);
    await expectPageFits(page);
  });
});

describe('teacher pages at 390×844', () => {
  test('when the teacher goes through the class list, the student page and the school on a phone, then none scrolls sideways, rows are cards and chart labels do not overlap', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'docente@demo.primm.it');
    await page.setViewportSize(PHONE);

    await page.goto(journey.classUrl);
    const table = page.getByRole('table', { name: /Rischio degli studenti/ });
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.locator('thead').evaluate((h) => h.getBoundingClientRect().height)).toBeLessThanOrEqual(1); // headers only for screen readers
    await expectPageFits(page);
    // the weekly timetable, opened, scrolls inside its own box (it made the page 430 px wide)
    await page.locator('summary', { hasText: 'Orario settimanale' }).click();
    await page.getByRole('table', { name: /Orario/ }).waitFor();
    await expectPageFits(page);

    await page.goto(journey.studentUrl);
    await page
      .getByRole('region', { name: 'In sintesi' })
      .getByText(/^Livello [123]/)
      .first()
      .waitFor();
    await page
      .getByRole('region', { name: /Frequenza settimanale/ })
      .locator('.recharts-line-curve')
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Voti per materia' }).click();
    await page
      .getByRole('region', { name: /Voti per materia/ })
      .locator('.recharts-line-curve')
      .first()
      .waitFor();
    await expectPageFits(page);
    // the axis labels of every chart sit side by side, none over another
    const overlaps = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.recharts-cartesian-axis')).flatMap((axis) => {
        const boxes = Array.from(axis.querySelectorAll('.recharts-cartesian-axis-tick-value')).map((t) =>
          t.getBoundingClientRect(),
        );
        return boxes
          .slice(1)
          .filter(
            (b, i) => b.left < boxes[i]!.right - 1 && b.top < boxes[i]!.bottom - 1 && boxes[i]!.top < b.bottom - 1,
          )
          .map((b) => `${b.left},${b.top}`);
      }),
    );
    expect(overlaps).toEqual([]);

    await page.goto(journey.classUrl);
    await page.locator('.back-link a').click();
    await page.getByRole('table', { name: 'Le tue classi in questa scuola' }).waitFor();
    await expectPageFits(page);
  });
});
