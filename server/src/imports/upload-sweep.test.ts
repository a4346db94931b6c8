import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SWEEP_EVERY_MS, UPLOAD_TTL_MS, newUpload, startUploadSweeper, sweepUploads } from './upload-store';

const HOUR = 60 * 60 * 1000;

/** A folder laid out as newUpload and commit-claim leave it, `age` old at `now`. */
function anUpload(
  root: string,
  id: string,
  now: number,
  age: number,
  options: { previewed?: boolean; claimAge?: number; meta?: boolean } = {},
): string {
  const dir = join(root, id);
  mkdirSync(join(dir, 'ANPS03000E'), { recursive: true });
  writeFileSync(join(dir, 'ANPS03000E/studenti.csv'), 'Codice fiscale;Cognome\nRSSGLI09C54A271A;Rossi\n');
  if (options.meta !== false)
    writeFileSync(
      join(dir, '.upload.json'),
      JSON.stringify({ id, userId: 1, createdAt: new Date(now - age).toISOString() }),
    );
  else utimesSync(dir, new Date(now - age), new Date(now - age));
  if (options.previewed)
    writeFileSync(join(dir, '.progress.json'), JSON.stringify({ status: 'uploaded', done: 0, total: 1, school: null }));
  if (options.claimAge !== undefined) {
    mkdirSync(join(dir, '.commit'));
    utimesSync(join(dir, '.commit'), new Date(now - options.claimAge), new Date(now - options.claimAge));
  }
  return dir;
}

const id = (n: number) => n.toString(16).padStart(32, '0');

describe('sweepUploads', () => {
  test.each([
    ['previewed an hour ago', false, 1 * HOUR, { previewed: true }],
    ['previewed 23 hours ago', false, 23 * HOUR, { previewed: true }],
    // would expire before the next sweep: it goes now, so none is on disk past a day
    ['previewed a day less a few minutes ago', true, UPLOAD_TTL_MS - SWEEP_EVERY_MS / 2, { previewed: true }],
    ['previewed 25 hours ago', true, 25 * HOUR, { previewed: true }],
    ['still arriving (no preview yet), 30 minutes old', false, HOUR / 2, {}],
    ['cut short (no preview), 2 hours old', true, 2 * HOUR, {}],
    ['being committed (live claim), 25 hours old', false, 25 * HOUR, { previewed: true, claimAge: 5000 }],
    ['whose commit died (stale claim), 25 hours old', true, 25 * HOUR, { previewed: true, claimAge: 10 * 60 * 1000 }],
    ['without its metadata (a crash after mkdir), 2 days old', true, 48 * HOUR, { meta: false }],
    ['without its metadata, 10 minutes old', false, 10 * 60 * 1000, { meta: false }],
  ] as const)('sweepUploads: when an upload was %s, then removed: %s', (_name, removed, age, options) => {
    const root = mkdtempSync(join(tmpdir(), 'primm-sweep-'));
    const now = Date.now();
    anUpload(root, id(1), now, age, options);

    expect(sweepUploads(root, now)).toEqual(removed ? [id(1)] : []);

    expect(existsSync(join(root, id(1)))).toBe(!removed);
  });

  test('sweepUploads: when the upload folder holds things that are not uploads, then they are left alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'primm-sweep-'));
    const now = Date.now();
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, id(2)), 'a file, not a folder');
    for (const name of ['notes', id(2)])
      utimesSync(join(root, name), new Date(now - 48 * HOUR), new Date(now - 48 * HOUR));

    expect(sweepUploads(root, now)).toEqual([]);

    expect(readdirSync(root).sort()).toEqual([id(2), 'notes']);
  });

  test('sweepUploads: when the upload folder does not exist yet, then nothing happens', () => {
    expect(sweepUploads(join(tmpdir(), 'primm-no-such-folder', id(3)))).toEqual([]);
  });
});

describe('startUploadSweeper', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("startUploadSweeper: when the server starts, then yesterday's uploads go at once; then, on the clock, each as it expires", () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const root = mkdtempSync(join(tmpdir(), 'primm-sweeper-'));
    let clock = Date.parse('2026-03-02T08:00:00Z');
    anUpload(root, id(1), clock, 30 * HOUR, { previewed: true }); // survived a restart
    anUpload(root, id(2), clock, 0, { previewed: true });
    const swept: string[][] = [];

    const sweeper = startUploadSweeper(root, { now: () => clock, onSweep: (ids) => swept.push(ids) });

    expect(swept).toEqual([[id(1)]]);
    clock += 12 * HOUR;
    vi.advanceTimersByTime(12 * HOUR);
    expect(readdirSync(root)).toEqual([id(2)]);
    clock += 12 * HOUR;
    vi.advanceTimersByTime(12 * HOUR);
    expect(swept).toEqual([[id(1)], [id(2)]]);
    expect(readdirSync(root)).toEqual([]);
    sweeper.stop();
  });
});

describe('the uploads folder', () => {
  const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

  test('newUpload: when the uploads folder does not exist, then it is made 0700, the upload inside too', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'primm-upload-root-')), 'uploads');

    const { dir } = newUpload(root, { userId: 1 });

    expect([modeOf(root), modeOf(dir)]).toEqual(['700', '700']);
  });

  test.each([
    ['the server starts', (root: string) => startUploadSweeper(root).stop()],
    ['an upload arrives', (root: string) => void newUpload(root, { userId: 1 })],
  ])(
    'when the uploads folder was made readable by others (0755, an older version or by hand) and %s, then it is made 0700',
    (_when, act) => {
      const root = join(mkdtempSync(join(tmpdir(), 'primm-upload-root-')), 'uploads');
      mkdirSync(root);
      chmodSync(root, 0o755);

      act(root);

      // Codici fiscali in clear wait there for a day: no other account lists or reads them.
      expect(modeOf(root)).toBe('700');
    },
  );
});
