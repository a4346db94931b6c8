import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { setupDemoApp } from './demo-app';
import { expectPageFits } from './page-checks';
import { signedIn } from './sign-in';

const demo = setupDemoApp();
const LAPTOP = { viewport: { width: 1366, height: 768 } };
const PHONE = { width: 390, height: 844 };
/** A test artifact, outside the repository: the letter as it prints, for a person to look at. */
const ARTIFACTS = join(tmpdir(), 'primm-e2e-letters');

describe('letters to families in their language (issue 21)', () => {
  test('when the referent opens the notice for a family that reads Arabic, then the Italian letter prints first and the Arabic one right to left, marked unverified', async () => {
    const page = await signedIn(demo.browser, demo.app.url, 'referente@demo.primm.it', LAPTOP);

    // The demo's family to notify reads Arabic (server/src/demo/plant-deadlines.ts).
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Scadenze' })
      .click();
    await page.getByRole('table', { name: 'Famiglie da avvisare' }).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Apri la comunicazione alla famiglia da stampare' }).click();
    const italian = page.getByRole('article', { name: 'Lettera alla famiglia' });
    const arabic = page.getByRole('article', { name: 'Traduzione in arabo' });
    await arabic.waitFor();
    await page.getByLabel('Numero di protocollo').fill('77');

    expect(await page.getByText('Lingua della famiglia: arabo.').isVisible()).toBe(true);
    expect(await italian.getAttribute('lang')).toBe('it');
    expect([await arabic.getAttribute('lang'), await arabic.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    await arabic.getByText(/^Traduzione in arabo \(العربية\) della lettera prot\. n\. 77 del/).waitFor();
    expect(await arabic.textContent()).toContain('ترجمة غير مُراجَعة: النص الإيطالي هو المعتمد.');
    expect(await arabic.textContent()).not.toContain('{{');
    // Rendered right to left: the subject's first letter sits at the paragraph's right edge.
    const edges = await arabic.locator('.letter-subject').evaluate((p) => {
      const range = document.createRange();
      range.setStart(p.firstChild!, 0);
      range.setEnd(p.firstChild!, 1);
      const first = range.getBoundingClientRect();
      const box = p.getBoundingClientRect();
      return { fromRight: box.right - first.right, fromLeft: first.left - box.left };
    });
    expect(edges.fromRight).toBeLessThan(4);
    expect(edges.fromLeft).toBeGreaterThan(100);
    await expectPageFits(page);

    // As printed: the translation on its own sheet after the Italian letter.
    await page.emulateMedia({ media: 'print' });
    expect(await arabic.evaluate((a) => getComputedStyle(a).breakBefore)).toBe('page');
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'lettera-famiglia-arabo.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize(PHONE);
    await arabic.waitFor();
    await expectPageFits(page);
  });
});
