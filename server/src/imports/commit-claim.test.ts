import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, utimesSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HttpError } from '../http/http-error';
import { claimCommit, readProgress, STALE_MS, writeProgress } from './commit-claim';

const anUpload = () => mkdtempSync(join(tmpdir(), 'primm-claim-'));
const refused = (dir: string) => {
  try {
    claimCommit(dir);
    return 'claimed';
  } catch (err) {
    return err instanceof HttpError ? err.status : err;
  }
};
/** A claim left by someone else: its owner, and its heartbeat `ageMs` ago. */
function foreignClaim(dir: string, owner: { host: string; pid: number; run: string }, ageMs = 0) {
  mkdirSync(join(dir, '.commit'));
  writeFileSync(join(dir, '.commit', 'owner.json'), JSON.stringify(owner));
  const t = new Date(Date.now() - ageMs);
  utimesSync(join(dir, '.commit'), t, t);
}
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('claimCommit', () => {
  test('when the upload is claimed, then a second claim is refused with 409 until the first is released', () => {
    const dir = anUpload();
    const claim = claimCommit(dir);
    expect(refused(dir)).toBe(409);
    claim.release();
    const again = claimCommit(dir);
    again.release();
  });

  test.each([
    ['another host, heartbeat 5 s ago', { host: 'altro-server', pid: 1, run: 'x' }, 5_000, 409],
    [
      'another host, no heartbeat for longer than STALE_MS',
      { host: 'altro-server', pid: 1, run: 'x' },
      STALE_MS + 5_000,
      'claimed',
    ],
    ['this host, a process that is gone', { host: hostname(), pid: deadPid(), run: 'x' }, 0, 'claimed'],
    [
      'this host, this process id of an earlier run (a restarted container)',
      { host: hostname(), pid: process.pid, run: 'earlier-run' },
      0,
      'claimed',
    ],
    ['this host, another live process', { host: hostname(), pid: process.ppid, run: 'x' }, 0, 409],
  ])('when a claim was left by %s, then %s', (_what, owner, ageMs, expected) => {
    const dir = anUpload();
    foreignClaim(dir, owner, ageMs);
    expect(refused(dir)).toBe(expected);
  });

  test('when a claim is being made (its owner not yet written), then it is respected', () => {
    const dir = anUpload();
    mkdirSync(join(dir, '.commit'));
    expect(refused(dir)).toBe(409);
  });
});

describe('writeProgress / readProgress', () => {
  test('when written, then read back by anyone; when missing or unreadable, then null', () => {
    const dir = anUpload();
    expect(readProgress(dir)).toBeNull();
    writeProgress(dir, { status: 'running', phase: 'risk', done: 2, total: 3, school: 'ANPS03000E' });
    expect(readProgress(dir)).toEqual({ status: 'running', phase: 'risk', done: 2, total: 3, school: 'ANPS03000E' });
    writeFileSync(join(dir, '.progress.json'), '{"status": "runn');
    expect(readProgress(dir)).toBeNull();
  });

  test('when the upload folder is gone, then writing is a no-op, not an error', () => {
    expect(() =>
      writeProgress(join(anUpload(), 'gone'), { status: 'failed', done: 0, total: 1, school: null }),
    ).not.toThrow();
  });
});
