import { extname } from 'node:path';
import type { Request } from 'express';
import busboy from 'busboy';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { HttpError } from '../http/http-error';
import { extractZip, safeTarget, saveStream } from './upload-store';

/**
 * Streams a multipart upload (field `files`, one part per file, the file name carrying its
 * relative path) into `dir`; zips are unpacked. Returns the relative names received.
 */
export function receiveUpload(req: Request, dir: string): Promise<string[]> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(new HttpError(400, 'validation_failed', 'Atteso un caricamento multipart/form-data con i file CSV o uno ZIP'));
  }
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    const writes: Promise<void>[] = [];
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume(); // drain the rest so the client gets the answer
      reject(err);
    };
    const parser = busboy({
      headers: req.headers,
      limits: { fileSize: UPLOAD_LIMITS.maxFileBytes, files: UPLOAD_LIMITS.maxFiles, fields: 10, parts: UPLOAD_LIMITS.maxFiles + 10 },
      defParamCharset: 'utf8',
      preservePath: true, // the relative path (school folder) is part of the name
    });
    parser.on('file', (_field, stream, info) => {
      const filename = info.filename;
      if (!filename) {
        stream.resume(); // a part without a file name is not a file
        return;
      }
      let target: string;
      try {
        target = safeTarget(dir, filename);
      } catch (err) {
        stream.resume();
        fail(err);
        return;
      }
      names.push(filename);
      const write = saveStream(stream, target).then(() => (extname(target).toLowerCase() === '.zip' ? extractZip(target, dir) : undefined));
      writes.push(write.catch((err: unknown) => fail(err)));
    });
    parser.on('filesLimit', () => fail(new HttpError(400, 'validation_failed', `Troppi file (massimo ${UPLOAD_LIMITS.maxFiles})`)));
    parser.on('error', (err) => fail(new HttpError(400, 'validation_failed', `Caricamento non leggibile: ${(err as Error).message}`)));
    parser.on('close', () => {
      void Promise.all(writes).then(() => {
        if (failed) return;
        if (names.length === 0) reject(new HttpError(400, 'validation_failed', 'Nessun file ricevuto'));
        else resolve(names);
      });
    });
    req.pipe(parser);
  });
}
