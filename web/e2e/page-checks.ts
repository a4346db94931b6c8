import { axeViolations } from './browser';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { timed } from './timing';

/** What every page of a role's journey must satisfy, at either size (issue 19). */
export function expectPageFits(page: Page): Promise<void> {
  return timed(`page-fits ${page.viewportSize()?.width ?? ''}`, () => pageFits(page));
}

async function pageFits(page: Page): Promise<void> {
  // no sideways scrolling of the document: tables become cards or scroll inside their own box
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // the language switch keeps both its buttons whole (a long user name squeezed "EN" to "E" on a phone)
  const clipped = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.language-switch')).flatMap((sw) => {
      const box = sw.getBoundingClientRect();
      return Array.from(sw.querySelectorAll('button'))
        .filter((b) => b.getBoundingClientRect().right > box.right + 0.5 || b.scrollWidth > b.clientWidth + 1)
        .map((b) => b.textContent ?? '');
    }),
  );
  expect(clipped).toEqual([]);
  const violations = await axeViolations(page);
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The text of the element that has the focus, once it holds `text` (a confirmation takes it as it appears). */
export async function expectFocusOn(page: Page, text: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: 3000 })
    .toContain(text);
}
