import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db/open-database';
import { aUser, authAs } from '../testing/auth-as';
import { aSchool } from '../testing/factories';
import { createTestDb, testConfig } from '../testing/test-db';
import { SCHOOL_HEADER, fixtureFiles, schoolRow } from '../testing/uploads';
import { createInbox } from './inbox';

const SCHOOL = 'ANPS03000E'; // the fixture school
const QUIET_MS = 60_000;

/** An inbox on its own folder, whose clock the test moves: no timer, no waiting. */
function anInbox(db: Db) {
  const root = mkdtempSync(join(tmpdir(), 'primm-inbox-'));
  const clock = { now: 1_000_000 };
  const inbox = createInbox(db, {
    root,
    pseudonymKey: testConfig.pseudonymKey,
    quietMs: QUIET_MS,
    now: () => clock.now,
    recompute: false,
  });
  return { root, clock, inbox };
}

function drop(root: string, folder: string, files: Record<string, string>): void {
  mkdirSync(join(root, folder), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, folder, name), text);
}

const fixture = () => fixtureFiles('');

async function counts(db: Db) {
  return {
    students: (await db.selectFrom('student').select('id').execute()).length,
    batches: await db.selectFrom('import_batch').select(['status', 'inbox_folder', 'source', 'inserted']).execute(),
  };
}

describe('inbox: folders dropped by the schools (PRIMM_INBOX)', () => {
  // The first database of a file (on PostgreSQL: its template and pool) is not the inbox's cost.
  beforeAll(async () => {
    await createTestDb();
  });

  test('inbox: when a folder arrives in pieces, then it is imported only once unchanged for the quiet time, and moved to done/ with its summary', async () => {
    const db = await createTestDb();
    await aSchool(db, { code: SCHOOL });
    const { root, clock, inbox } = anInbox(db);
    const { 'scuola.csv': school, 'studenti.csv': students, ...rest } = fixture();

    drop(root, SCHOOL, { 'scuola.csv': school!, 'studenti.csv.filepart': students!.slice(0, 100) });
    expect(await inbox.scan()).toEqual([]);
    clock.now += QUIET_MS; // still being written: a partial file never completes a folder
    expect(await inbox.scan()).toEqual([]);
    drop(root, SCHOOL, { 'studenti.csv': students!, ...rest });
    writeFileSync(join(root, SCHOOL, 'studenti.csv.filepart'), ''); // the client renames it: gone next
    clock.now += QUIET_MS;
    expect(await inbox.scan()).toEqual([]);
    // Files complete from here on: the quiet time starts again from the first look at them.
    rmSync(join(root, SCHOOL, 'studenti.csv.filepart'));
    expect(await inbox.scan()).toEqual([]);
    clock.now += QUIET_MS - 1;
    expect(await inbox.scan()).toEqual([]);
    expect(await counts(db)).toEqual({ students: 0, batches: [] });

    clock.now += 1;
    const [result] = await inbox.scan();

    expect(result).toMatchObject({
      folder: SCHOOL,
      status: 'done',
      reason: null,
      summary: { inserted: 25, rejected: 0 },
    });
    expect(await counts(db)).toEqual({
      students: expect.any(Number),
      batches: [{ status: 'committed', inbox_folder: SCHOOL, source: 'cli', inserted: 25 }],
    });
    expect((await counts(db)).students).toBeGreaterThan(0);
    expect(readdirSync(root).sort()).toEqual(['done', 'failed']);
    const done = readdirSync(join(root, 'done')).sort();
    expect(done).toEqual([
      expect.stringMatching(/^ANPS03000E_.*$/),
      expect.stringMatching(/\.json$/),
      expect.stringMatching(/\.txt$/),
    ]);
    expect(readdirSync(join(root, 'done', done[0]!)).sort()).toEqual(Object.keys(fixture()).sort());
    expect(JSON.parse(readFileSync(join(root, 'done', done[1]!), 'utf8'))).toMatchObject({
      folder: SCHOOL,
      status: 'done',
      summary: { inserted: 25, schools: [{ code: SCHOOL }] },
    });
    expect(readFileSync(join(root, 'done', done[2]!), 'utf8')).toMatch(
      /^Cartella ANPS03000E importata \(importazione n\. \d+.*\n.*\nRighe: 25 nuove, 1 aggiornate, 0 invariate, 0 scartate\./,
    );
    const audit = await db.selectFrom('audit_log').select(['action', 'outcome', 'user_id']).execute();
    expect(audit).toEqual([{ action: 'import.inbox', outcome: 'ok', user_id: null }]);
  });

  test('inbox: when the folder holds a marker file, then it is imported at the first look, without waiting', async () => {
    const db = await createTestDb();
    await aSchool(db, { code: SCHOOL });
    const { root, inbox } = anInbox(db);
    drop(root, `${SCHOOL}-2026-12-06`, { ...fixture(), PRONTO: '' });

    const results = await inbox.scan();

    expect(results).toMatchObject([{ folder: `${SCHOOL}-2026-12-06`, status: 'done' }]);
    expect((await counts(db)).batches).toEqual([
      { status: 'committed', inbox_folder: `${SCHOOL}-2026-12-06`, source: 'cli', inserted: 25 },
    ]);
  });

  test.each([
    [
      'the folder names another school than its scuola.csv',
      'PSPS01000A',
      () => fixture(),
      /Non potete importare dati di scuole non vostre: ANPS03000E: la cartella PSPS01000A importa solo nella scuola PSPS01000A/,
    ],
    ['the folder is not named with a school code', 'scuola-nuova', () => fixture(), /codice meccanografico/],
    ['the school is not registered', 'FMIS00900X', () => fixture(), /La scuola FMIS00900X non è registrata/],
    ['there is no scuola.csv', SCHOOL, () => ({ 'voti.csv': fixture()['voti.csv']! }), /Nessun file scuola\.csv/],
    [
      'no row could be taken',
      SCHOOL,
      () => ({ 'scuola.csv': `${SCHOOL_HEADER}\n${schoolRow(SCHOOL, 'LICEO', 'RM')}\n` }),
      /Nessuna riga importata/,
    ],
  ])(
    'inbox: when %s, then it goes to failed/ with the reason and nothing of it is written',
    async (_, folder, files, reason) => {
      const db = await createTestDb();
      await aSchool(db, { code: SCHOOL });
      await aSchool(db, { code: 'PSPS01000A' });
      const { root, inbox } = anInbox(db);
      drop(root, folder, { ...files(), '.ready': '' });
      const schoolsBefore = await db.selectFrom('school').selectAll().orderBy('id').execute();

      const [result] = await inbox.scan();

      expect(result).toMatchObject({ folder, status: 'failed', reason: expect.stringMatching(reason) });
      expect(await db.selectFrom('school').selectAll().orderBy('id').execute()).toEqual(schoolsBefore);
      expect((await counts(db)).students).toBe(0);
      expect(readdirSync(join(root, 'done'))).toEqual([]);
      const failed = readdirSync(join(root, 'failed')).sort();
      expect(failed).toHaveLength(3);
      expect(readFileSync(join(root, 'failed', failed[2]!), 'utf8')).toMatch(
        new RegExp(`^Cartella ${folder} NON importata .*\\nMotivo: .*${reason.source}`),
      );
      expect(existsSync(join(root, folder))).toBe(false);
    },
  );

  test('inbox: when an admin opens the import history, then the inbox imports are there, by folder, as from the drop folder', async () => {
    const db = await createTestDb();
    await aSchool(db, { code: SCHOOL });
    const admin = await aUser(db, 'admin');
    const { root, inbox } = anInbox(db);
    drop(root, SCHOOL, { ...fixture(), '.ready': '' });
    await inbox.scan();

    const res = await request(createApp({ db, config: testConfig }))
      .get('/api/imports')
      .set(await authAs(db, admin));

    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        source: 'inbox',
        inboxFolder: SCHOOL,
        status: 'committed',
        inserted: 25,
        userEmail: null,
      }),
    ]);
  });

  test('inbox: when the same folder is dropped again, then it changes nothing and goes to done/ again', async () => {
    const db = await createTestDb();
    await aSchool(db, { code: SCHOOL });
    const { root, clock, inbox } = anInbox(db);
    drop(root, SCHOOL, { ...fixture(), '.ready': '' });
    await inbox.scan();
    clock.now += 1000;
    drop(root, SCHOOL, { ...fixture(), '.ready': '' });

    const [again] = await inbox.scan();

    expect(again).toMatchObject({ status: 'done', summary: { inserted: 0, updated: 0, unchanged: 26 } });
    expect(readdirSync(join(root, 'done')).filter((n) => n.endsWith('.json'))).toHaveLength(2);
  });
});
