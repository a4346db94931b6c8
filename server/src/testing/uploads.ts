import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type request from 'supertest';
import { createApp } from '../app';
import { repoRoot } from '../config';
import type { Db } from '../db/open-database';
import { testConfig } from './test-db';

/** Test helpers for uploads: each app gets its own upload folder, so tests cannot see each other's uploads. */
export function anAppWithOwnUploads(db: Db): { app: ReturnType<typeof createApp>; uploadDir: string } {
  const uploadDir = mkdtempSync(join(tmpdir(), 'primm-test-uploads-'));
  return { app: createApp({ db, config: { ...testConfig, uploadDir } }), uploadDir };
}

const fixture = resolve(repoRoot, 'fixtures/import/generator-format/ANPS03000E');

/** The fixture school's files as text, keyed by `prefix` + file name ('' puts them at the top of the upload). */
export function fixtureFiles(prefix = 'ANPS03000E/'): Record<string, string> {
  return Object.fromEntries(readdirSync(fixture).map((f) => [`${prefix}${f}`, readFileSync(join(fixture, f), 'utf8')]));
}

/** Attaches each file as a part named with its relative path (form-data's `filepath`). */
export function attachFiles(req: request.Test, files: Record<string, string>): request.Test {
  for (const [path, text] of Object.entries(files))
    req.attach('files', Buffer.from(text), { filepath: path, contentType: 'text/csv' } as never);
  return req;
}

/** Uploads still on disk (their folders are 32 hex digits). */
export function uploadsLeft(uploadDir: string): string[] {
  return readdirSync(uploadDir).filter((d) => /^[0-9a-f]{32}$/.test(d));
}

export const SCHOOL_HEADER =
  'Codice meccanografico;Denominazione;Codice istituto;Denominazione istituto;Codice catastale comune;Comune;Provincia;Tipologia;Grado;Indirizzo stradale';

/** A scuola.csv row in the fixture's columns. */
export function schoolRow(code: string, name = `SCUOLA ${code}`, province = 'AN'): string {
  return `${code};${name};${code};${name};A271;ANCONA;${province};LICEO SCIENTIFICO;secondo grado;`;
}
