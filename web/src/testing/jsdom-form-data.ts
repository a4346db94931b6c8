import { File as NodeFile } from 'node:buffer';

/**
 * vitest's jsdom bridge turns a jsdom FormData into Node's before a Request is built, but drops
 * each file's name (every part arrives as `filename="blob"`). The import upload carries the
 * file's relative path (`ANIS00800L/voti.csv`) in that name, so the bridge is redone here with
 * names kept. The bytes are read the way vitest reads them (jsdom's internal buffer): the
 * Request constructor is synchronous, FileReader is not.
 */
export async function keepFileNamesInRequests(): Promise<void> {
  const NodeFormData = (await new Response(new URLSearchParams('a=1')).formData()).constructor as typeof FormData;
  const implSymbol = Object.getOwnPropertySymbols(Object.getOwnPropertyDescriptors(new Blob()))[0];
  if (!implSymbol) return;
  const JsdomFormData = globalThis.FormData;
  const BridgedRequest = globalThis.Request;

  const toNodeFile = (file: File) => {
    const bytes = (file as unknown as Record<symbol, { _buffer: Uint8Array }>)[implSymbol]!._buffer;
    return new NodeFile([bytes], file.name, { type: file.type }) as unknown as Blob;
  };

  class Request extends BridgedRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      if (init?.body instanceof JsdomFormData) {
        const form = new NodeFormData();
        init.body.forEach((value, key) => form.append(key, typeof value === 'string' ? value : toNodeFile(value)));
        super(input, { ...init, body: form });
      } else {
        super(input, init);
      }
    }
  }
  globalThis.Request = Request;
}
