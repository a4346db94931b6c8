import type { Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { setupDemoApp } from './demo-app';
import { expectPageFits } from './page-checks';
import { signIn, signedIn } from './sign-in';

const demo = setupDemoApp();
const LAPTOP = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 390, height: 844 } };

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

describe("the municipality's inbox (issue 21)", () => {
  test('a referent sends the report to the mayor → the comune acknowledges it → the referent sees the acknowledgement', async () => {
    // The demo's report due concerns a resident of the demo office's municipality.
    const school = await signedIn(demo.browser, demo.app.url, 'referente@demo.primm.it', LAPTOP);
    await nav(school).getByRole('link', { name: 'Scadenze' }).click();
    await school.getByRole('heading', { level: 2, name: 'Invii ai comuni' }).waitFor();
    await expectPageFits(school);
    const due = school.getByRole('table', { name: 'Segnalazioni al sindaco da inviare' }).getByRole('link').first();
    const name = (await due.textContent())!.trim();
    await due.click();
    await school.getByRole('button', { name: "Registra l'invio" }).click();
    await school.getByText(/Invio della segnalazione del .* registrato/).waitFor();
    await school.getByText(/Consegnata: in attesa della ricevuta del comune/).waitFor();
    const studentUrl = school.url();
    await expectPageFits(school);

    const office = await signIn(demo.browser, demo.app.url, 'comune@demo.primm.it', PHONE);
    await office.getByRole('link', { name: 'Apri la casella' }).click();
    await office.getByRole('heading', { level: 1, name: 'Segnalazioni ed elenchi ricevuti' }).waitFor();
    await expectPageFits(office);
    await office
      .getByRole('region', { name: /Da registrare/ })
      .getByRole('link', { name: `Segnalazione: ${name}` })
      .click();
    await office.getByRole('heading', { level: 1, name: `Segnalazione: ${name}` }).waitFor();
    await expectPageFits(office);
    await office.getByLabel('Numero di protocollo').fill('2026/9001');
    await office.getByRole('button', { name: 'Registra la ricezione' }).click();
    await office.getByText(/Ricevuta dal comune il .*, protocollo 2026\/9001/).waitFor();
    await office.getByRole('heading', { level: 2, name: 'Provvedimenti adottati' }).waitFor();
    await expectPageFits(office);

    await school.goto(studentUrl);
    await school.getByText(/Ricevuta dal comune il .*, protocollo 2026\/9001/).waitFor();
    // two accounts and five axe checks: ≈ 50 s on a loaded 2-core machine
  }, 120_000);
});
