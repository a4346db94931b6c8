/**
 * The README's screenshots: the built app on a fresh demo database, one page per main view.
 * Run `pnpm --filter @primm/web build && pnpm exec tsx web/e2e/screenshots.ts`.
 */
import { resolve } from 'node:path';
import { launchBrowser } from './browser';
import { signIn } from './sign-in';
import { startApp } from './start-app';

const out = resolve(import.meta.dirname, '../../docs/screenshots');

const app = await startApp();
const browser = await launchBrowser();
try {
  const shot = async (email: string, path: string, name: string, ready: string) => {
    const page = await signIn(browser, app.url, email);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app.url}${path}`);
    await page.getByText(ready, { exact: false }).first().waitFor();
    await page.waitForTimeout(800); // lazy charts
    const height = Math.min(1800, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
    console.log(`${name}.png`);
  };
  await shot('docente@demo.primm.it', '/', 'teacher-home', 'Le mie classi');
  const teacher = await signIn(browser, app.url, 'docente@demo.primm.it');
  const me = (await (await teacher.request.get(`${app.url}/api/me`)).json()) as { classIds: number[] };
  const risk = (await (await teacher.request.get(`${app.url}/api/classes/${me.classIds[0]}/risk`)).json()) as {
    items: { studentId: number }[];
  };
  await shot('docente@demo.primm.it', `/classi/${me.classIds[0]}`, 'class-risk-list', 'Rischio degli studenti');
  await shot('docente@demo.primm.it', `/studenti/${risk.items[0]!.studentId}`, 'student-page', 'In sintesi');
  await shot('mediatore@demo.primm.it', '/casi', 'caseload', 'I miei casi');
  await shot('referente@demo.primm.it', '/scadenze', 'deadlines', "Scadenze dell'obbligo");
  await shot('referente@demo.primm.it', '/importazioni', 'imports', 'Carica i file');
  await shot('analista@demo.primm.it', '/analisi', 'regional-analysis', 'Studenti per provincia');
  await shot('admin@demo.primm.it', '/registro-accessi', 'audit-log', 'Registro accessi');
  await shot('admin@demo.primm.it', '/soglie', 'risk-settings', 'Presenza alle lezioni');
  await shot('admin@demo.primm.it', '/affidabilita', 'model-reliability', 'Affidabilità del modello');
} finally {
  await browser.close();
  await app.stop();
}
