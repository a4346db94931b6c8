import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { setupDemoApp } from './demo-app';
import { expectPageFits } from './page-checks';
import { signedIn } from './sign-in';

const demo = setupDemoApp();
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

type Json = Record<string, unknown> & { items?: { id: number }[] };
const getJson = async (page: Page, path: string): Promise<Json> =>
  (await page.request.get(`${demo.app.url}/api${path}`)).json() as Promise<Json>;

/**
 * A student of the mediator's schools resident in a municipality the demo PUA serves (the demo
 * gives the PUA the first school's most common residence), with a case opened for the journey.
 */
async function aCaseForTheDemoPua(mediator: Page, municipality: string) {
  const me = (await getJson(mediator, '/me')) as { schools: { code: string }[] };
  for (const { code } of me.schools) {
    const school = (await getJson(mediator, `/schools/${code}`)) as { classList: { id: number; schoolYear: string }[] };
    const latest = school.classList
      .map((c) => c.schoolYear)
      .sort()
      .at(-1);
    for (const cls of school.classList.filter((c) => c.schoolYear === latest)) {
      for (const { id } of (await getJson(mediator, `/classes/${cls.id}/students`)).items ?? []) {
        const student = (await getJson(mediator, `/students/${id}`)) as {
          residenceIstat: string | null;
          lastName: string;
          firstName: string;
        };
        if (student.residenceIstat !== municipality) continue;
        const opened = await mediator.request.post(`${demo.app.url}/api/cases`, {
          headers: { Origin: demo.app.url },
          data: { studentId: id, goal: 'Sostenere la famiglia e la frequenza' },
        });
        expect(opened.status()).toBe(201);
        return {
          caseId: ((await opened.json()) as { id: number }).id,
          name: `${student.lastName} ${student.firstName}`,
        };
      }
    }
  }
  throw new Error(`nessuno studente residente in ${municipality}`);
}

describe('PUA referrals (issue 21)', () => {
  test('when a mediator refers a student with the family’s consent, then the PUA accepts and records a service, and the mediator sees it in the case timeline', async () => {
    const pua = await signedIn(demo.browser, demo.app.url, 'pua@demo.primm.it', { viewport: PHONE });
    const served = ((await getJson(pua, '/me')) as { municipalities: { code: string }[] }).municipalities[0]!.code;
    const mediator = await signedIn(demo.browser, demo.app.url, 'mediatore@demo.primm.it', { viewport: DESKTOP });
    const { caseId, name } = await aCaseForTheDemoPua(mediator, served);

    await mediator.goto(`${demo.app.url}/casi/${caseId}`);
    await mediator.getByRole('heading', { level: 2, name: 'Invii al PUA' }).waitFor();
    await mediator.getByRole('group', { name: "Motivi dell'invio" }).getByLabel('Servizi sociali').check();
    await mediator.getByLabel('Descrizione breve').fill('La famiglia chiede un sostegno per la casa e il lavoro.');
    await mediator.getByLabel('Contatto della famiglia (telefono o email)').fill('madre, tel. 333 1234567');
    await mediator.getByLabel('Chi ha dato il consenso').fill('la madre, in un colloquio a scuola');
    await mediator
      .getByRole('group', { name: 'Servizi per cui la famiglia ha dato il consenso' })
      .getByLabel('Servizi sociali')
      .check();
    await mediator.getByRole('button', { name: 'Invia al PUA' }).click();
    await mediator.getByText('Invio registrato: il PUA lo trova tra gli invii ricevuti.').waitFor();
    await mediator
      .getByText(/^In attesa di risposta$/)
      .first()
      .waitFor();
    await expectPageFits(mediator);

    await pua.getByRole('link', { name: 'Apri gli invii ricevuti' }).click();
    await pua.getByRole('heading', { level: 1, name: 'Invii ricevuti' }).waitFor();
    await expectPageFits(pua);
    // each referral a card: its wait is on screen, not off to the right of a table
    const row = pua.getByRole('row', { name: new RegExp(name) }).first();
    const wait = (await row.locator('td').last().boundingBox())!;
    expect(wait.x + wait.width).toBeLessThanOrEqual(PHONE.width);
    await pua.getByRole('link', { name }).first().click();
    await pua.getByRole('heading', { level: 1, name: new RegExp(`^Invio n\\. \\d+: ${name}`) }).waitFor();
    await expectPageFits(pua);
    await pua.getByRole('button', { name: 'Accetta' }).click();
    await pua.getByLabel('Servizi attivati').fill('Servizio sociale professionale');
    await pua.getByLabel('Responsabile').fill('A.S. Laura Bianchi');
    await pua.getByRole('button', { name: "Registra l'aggiornamento" }).click();
    await pua.getByText('Aggiornamento registrato.').waitFor();
    await expectPageFits(pua);

    await mediator.reload();
    const timeline = mediator.getByRole('list', { name: /cronologia|azioni/i });
    await timeline.getByText('Servizio sociale professionale').waitFor();
    expect(await timeline.getByText(/^Accettato da /).count()).toBe(1);
    await mediator.setViewportSize(PHONE);
    await expectPageFits(mediator);
  });
});
