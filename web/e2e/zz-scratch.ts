import { launchBrowser } from './browser';
import { signIn } from './sign-in';
const url = 'http://127.0.0.1:5471';
const browser = await launchBrowser();
const [email, ...paths] = process.argv.slice(2);
const page = await signIn(browser, url, email!);
for (const spec of paths) {
  const [path, w, h, name] = spec.split('|');
  await page.setViewportSize({ width: Number(w), height: Number(h) });
  await page.goto(url + path);
  await page.waitForTimeout(2500);
  const sw = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth, document.documentElement.scrollHeight]);
  console.log(name, sw);
  await page.screenshot({ path: `/tmp/ms-shots/${name}.png`, fullPage: true });
}
await browser.close();
