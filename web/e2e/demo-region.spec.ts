import { describe, expect, test } from 'vitest';
import { accessibilityViolations } from './browser';
import { setupDemoApp } from './demo-app';
import { signIn as signInAt } from './sign-in';

const demo = setupDemoApp();

const signIn = (email: string) => signInAt(demo.browser, demo.app.url, email);

describe('demo region in the browser', () => {
  test('when an anonymous user opens the app, then the login page lists the demo accounts, without a11y violations', async () => {
    const page = await (await demo.browser.newContext()).newPage();

    await page.goto(`${demo.app.url}/scuole`);

    await page.getByRole('heading', { name: 'Accedi con il tuo account' }).waitFor();
    expect(page.url()).toContain('/accesso?next=');
    await page.getByText('docente@demo.primm.it').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('when the admin signs in, then the regional overview shows the 12 demo schools and about 3 000 students', async () => {
    const page = await signIn('admin@demo.primm.it');

    await page.getByRole('heading', { level: 1, name: 'Panoramica regionale' }).waitFor();
    const total = page.getByRole('row', { name: /Totale regione/ });
    await total.waitFor();
    expect(await total.textContent()).toMatch(/12\s*[23]\.\d{3}$/); // 12 schools, about 3 000 students
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('when the teacher signs in, then only their school is listed, and a class of theirs shows its students', async () => {
    const page = await signIn('docente@demo.primm.it');

    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Scuole' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Scuole' }).waitFor();
    const schoolLinks = page.getByRole('table').getByRole('link');
    await schoolLinks.first().waitFor();
    expect(await schoolLinks.count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await schoolLinks.first().click();
    const classLinks = page.locator('a[href^="/classi/"]');
    await classLinks.first().waitFor();
    expect(await classLinks.count()).toBe(2); // the demo teacher holds two classes
    expect(await accessibilityViolations(page)).toEqual([]);

    await classLinks.first().click();
    await page.getByRole('tab', { name: 'Studenti' }).click();
    const rows = page.getByRole('table', { name: /Studenti della classe/ }).getByRole('row');
    await rows.nth(10).waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('when the analyst signs in, then no class or student is reachable', async () => {
    const page = await signIn('analista@demo.primm.it');

    const res = await page.request.get(`${demo.app.url}/api/classes/1/students`);

    expect(res.status()).toBe(403);
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('link', { name: 'Scuole' })
      .click();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByText('Il tuo ruolo vede solo dati aggregati', { exact: false }).waitFor();
    expect(await page.locator('a[href^="/classi/"]').count()).toBe(0);
  });

  test('when the user switches to English, then the page speaks English and remembers it', async () => {
    const page = await signIn('referente@demo.primm.it');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Regional overview' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Regional overview' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  test('when the admin opens the access log, then the sign-ins and the teacher’s reads are there', async () => {
    const page = await signIn('admin@demo.primm.it');

    await page.getByRole('link', { name: 'Registro accessi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro accessi' }).waitFor();
    await page.getByRole('cell', { name: 'docente@demo.primm.it' }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
