import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { HttpError } from '../http/http-error';
import { UploadBudget, extractZip, safeTarget, saveStream, type UploadLimits } from './upload-store';

/**
 * Streams a multipart upload (field `files`, one part per file, the file name carrying its
 * relative path) into `dir`; zips are unpacked. Returns the relative names received.
 *
 * It settles only once every write of the upload has ended: on a refusal the caller removes
 * `dir`, and a zip still unpacking or a part still arriving would otherwise write into it again
 * afterwards (`mkdir -p` recreates it), leaving a folder of students' data no one removes.
 */
export function receiveUpload(req: Request, dir: string, limits: UploadLimits = UPLOAD_LIMITS): Promise<string[]> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(
      new HttpError(400, 'validation_failed', 'Atteso un caricamento multipart/form-data con i file CSV o uno ZIP'),
    );
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 10, parts: limits.maxFiles + 10 },
      defParamCharset: 'utf8',
      preservePath: true, // the relative path (school folder) is part of the name
    });
  } catch (err) {
    // busboy throws on a Content-Type it cannot split (no boundary): the client's fault, not ours.
    return Promise.reject(
      new HttpError(
        400,
        'validation_failed',
        `Caricamento non leggibile: intestazione Content-Type multipart senza separatore (boundary) valido (${(err as Error).message})`,
      ),
    );
  }
  const budget = new UploadBudget(limits);
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    const writes: Promise<unknown>[] = [];
    const arriving = new Set<Readable>();
    let failure: unknown;
    let parsed = false;
    const settle = () => {
      void Promise.allSettled(writes).then(() => {
        if (failure !== undefined) reject(failure);
        else if (names.length === 0) reject(new HttpError(400, 'validation_failed', 'Nessun file ricevuto'));
        else resolve(names);
      });
    };
    const fail = (err: unknown) => {
      if (failure !== undefined) return;
      failure = err;
      budget.stop(err); // zips being unpacked stop at their next chunk
      req.unpipe(parser);
      // No more of them will come through the parser. With the error: a part whose last bytes
      // were read but whose end was not yet emitted counts as finished when destroyed without
      // one, and its pipeline would wait forever for an end that never comes.
      for (const part of arriving) part.destroy(err instanceof Error ? err : new Error(String(err)));
      req.resume(); // drain the rest so the client gets the answer
      if (parsed) return; // the close handler settles
      settle();
    };
    parser.on('file', (_field, stream, info) => {
      const filename = info.filename;
      if (failure !== undefined || !filename) {
        stream.resume(); // refused already, or a part without a file name: not a file
        return;
      }
      let target: string;
      try {
        target = safeTarget(dir, filename);
        if (extname(target).toLowerCase() !== '.zip') budget.countFile();
      } catch (err) {
        stream.resume();
        fail(err);
        return;
      }
      names.push(filename);
      arriving.add(stream);
      const write = saveStream(stream, target, budget)
        .finally(() => arriving.delete(stream))
        .then(async (bytes) => {
          if (extname(target).toLowerCase() !== '.zip') return;
          await extractZip(target, dir, budget);
          budget.release(bytes); // the zip itself is gone, its entries counted instead
        });
      writes.push(write.catch((err: unknown) => fail(err)));
    });
    parser.on('filesLimit', () =>
      fail(new HttpError(400, 'validation_failed', `Troppi file (massimo ${limits.maxFiles})`)),
    );
    parser.on('error', (err) =>
      fail(new HttpError(400, 'validation_failed', `Caricamento non leggibile: ${(err as Error).message}`)),
    );
    parser.on('close', () => {
      parsed = true;
      settle();
    });
    // A client gone mid-body (a closed tab, a dropped connection): the parser would wait forever.
    req.once('close', () => {
      if (!req.complete) fail(new HttpError(400, 'validation_failed', 'Caricamento interrotto prima della fine'));
    });
    req.pipe(parser);
  });
}
