import { describe, expect, test } from 'vitest';
import { accessibilityViolations } from './browser';
import { setupDemoApp } from './demo-app';
import { signedIn } from './sign-in';

const demo = setupDemoApp();

describe('risk thresholds as the demo admin', () => {
  test('opens Soglie di rischio, changes a threshold, saves version 2, recomputes the region and reads the summary, axe on each state', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'admin@demo.primm.it');

    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Soglie di rischio' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Soglie di rischio' }).waitFor();
    // A fresh database: version 1 is the defaults, stored by the server on first read.
    await page.getByText(/^Versione 1: valori predefiniti/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // a high signal is what raises a level (issue 18): a stricter high average threshold moves students
    const average = page.getByRole('group', { name: 'Voti' }).getByLabel('Rischio alto: media generale sotto (voto)');
    expect(await average.inputValue()).toBe('6');
    await average.fill('6,5');
    await page.getByRole('button', { name: 'Salva una nuova versione' }).click();
    const saved = page
      .getByRole('status')
      .filter({ hasText: 'Salvata la versione 2. Le nuove soglie valgono dal prossimo ricalcolo.' });
    await saved.waitFor();
    expect(await saved.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText(/^Versione 2, salvata da Amministratore dimostrativo il /).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ricalcola ora il rischio della regione' }).click();
    const summary = page.getByRole('status').filter({ hasText: /Ricalcolo completato in [\d,]+ s\./ });
    await summary.waitFor({ timeout: 50_000 });
    const text = (await summary.textContent()) ?? '';
    const students = Number(/Studenti valutati([\d.]+)/.exec(text)?.[1]?.replace(/\./g, ''));
    const written = Number(
      /Risultati scritti \(nuovi, cambiati o rimossi\)([\d.]+)/.exec(text)?.[1]?.replace(/\./g, ''),
    );
    const unchanged = Number(/Risultati invariati([\d.]+)/.exec(text)?.[1]?.replace(/\./g, ''));
    expect(students).toBeGreaterThan(0);
    expect(written + unchanged).toBeGreaterThanOrEqual(students);
    // A stricter high average threshold moves some students up a level, never more than were written.
    const tierChanged = Number(/Studenti che hanno cambiato livello([\d.]+)/.exec(text)?.[1]?.replace(/\./g, ''));
    expect(tierChanged).toBeGreaterThan(0);
    expect(tierChanged).toBeLessThanOrEqual(written);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
