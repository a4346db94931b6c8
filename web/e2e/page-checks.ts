import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * The WCAG 2.1 A/AA rules axe finds broken on the page as it is now: the one axe configuration of
 * the journeys. Only violations are collected (`resultTypes`): axe otherwise lists every passing
 * node of every rule too, which on the long tables of the regional pages was most of a check's
 * seconds, and nothing here reads them.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations;
}

/** What every page of a role's journey must satisfy, at either size (issue 19). */
export async function expectPageFits(page: Page): Promise<void> {
  // no sideways scrolling of the document: tables become cards or scroll inside their own box
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
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
