import type { Browser, Page } from 'playwright-core';
import { timed } from './timing';

/**
 * A fresh browser context (its own cookies) signed in with a demo account through the login page;
 * `viewport` for the specs that check the layout at a given size (e.g. 1366×768).
 */
export async function signIn(
  browser: Browser,
  url: string,
  email: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  return timed(`sign-in ${email}`, async () => {
    const page = await (
      await browser.newContext(options.viewport ? { viewport: options.viewport, acceptDownloads: true } : {})
    ).newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Accedi con il tuo account' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('demo-primm');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    return page;
  });
}
