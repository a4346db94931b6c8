import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/**
 * A merge once dropped the `}` of a `@media (max-width: 40rem)` block: the browser closed it at the
 * end of the file, and every rule after it applied only on phones (the class list lost its compact
 * header at 1366 px). Braces outside comments and strings must balance at every rule's end.
 */
test('styles.css: when read, then every block it opens is closed before the file ends, and none closes twice', () => {
  const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  let depth = 0;
  let minimum = 0;
  for (const ch of css) {
    if (ch === '{') depth++;
    else if (ch === '}') minimum = Math.min(minimum, --depth);
  }
  expect({ depth, minimum }).toEqual({ depth: 0, minimum: 0 });
});
