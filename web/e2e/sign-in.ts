import { request, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { timed } from './timing';

type Viewport = { width: number; height: number };

/**
 * A fresh browser context (its own cookies) signed in with a demo account through the login page;
 * `viewport` for the specs that check the layout at a given size (e.g. 1366×768).
 *
 * The login page itself is the journey of demo-region.spec.ts (every role the demo has a page for),
 * of the mediator's first step, of the comune's inbox on a phone and of the audit log's probe check;
 * the other journeys start from a stored session (`signedIn`).
 */
export async function signIn(
  browser: Browser,
  url: string,
  email: string,
  options: { viewport?: Viewport } = {},
): Promise<Page> {
  return timed(`sign-in ${email}`, async () => {
    const page = await (await browser.newContext(contextOptions(options.viewport))).newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Accedi con il tuo account' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('demo-primm');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    return page;
  });
}

/** One session per account and server, made once through the API, in one context per size. */
const contexts = new Map<string, Promise<BrowserContext>>();
const sessions = new Map<string, Promise<NonNullable<BrowserContextOptions['storageState']>>>();

/**
 * The same as `signIn` — a new page on the home page, signed in — from a session made once per
 * server and account through `POST /api/auth/login` instead of the login page, in a context kept
 * for that account and size: each UI sign-in loaded the app twice (login page, then home) into an
 * empty cache and typed the form, 4–5 s on the loaded 2-core machine, 36 times a run (issue 23).
 * The pages of one account share cookies and local storage (the chosen language) within a spec.
 */
export async function signedIn(
  browser: Browser,
  url: string,
  email: string,
  options: { viewport?: Viewport } = {},
): Promise<Page> {
  return timed(`session ${email}`, async () => {
    const key = `${url} ${email} ${options.viewport?.width ?? ''}`;
    let context = contexts.get(key);
    if (!context) {
      let state = sessions.get(`${url} ${email}`);
      if (!state) {
        state = loginThroughApi(url, email);
        sessions.set(`${url} ${email}`, state);
      }
      const made = browser.newContext({ ...contextOptions(options.viewport), storageState: await state });
      context = made;
      contexts.set(key, made);
      void made.then((c) => c.once('close', () => contexts.delete(key)));
    }
    const page = await (await context).newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    return page;
  });
}

async function loginThroughApi(url: string, email: string) {
  const api = await request.newContext({ baseURL: url, extraHTTPHeaders: { Origin: url } });
  try {
    const res = await api.post('/api/auth/login', { data: { email, password: 'demo-primm' } });
    if (!res.ok()) throw new Error(`login of ${email} through the API: ${res.status()} ${await res.text()}`);
    return await api.storageState();
  } finally {
    await api.dispose();
  }
}

const contextOptions = (viewport: Viewport | undefined): BrowserContextOptions =>
  viewport ? { viewport, acceptDownloads: true } : {};
