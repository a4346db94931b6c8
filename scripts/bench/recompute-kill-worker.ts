/**
 * A full recompute that stops dead inside a school's transaction, for recompute-kill.test.ts:
 * `node --import tsx recompute-kill-worker.ts DB`. Once the first school is committed, the next
 * write (the second school's first, its transaction still open) prints `paused` and blocks the
 * thread until the parent kills the process: the kill lands half-way through a school every
 * time, instead of wherever a timer happens to fall.
 */
import { writeSync } from 'node:fs';
import { openSqlite, type Db } from '../../server/src/db/open-database';
import { recomputeAll } from '../../server/src/recompute/recompute';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('uso: recompute-kill-worker.ts DB');

// kysely's plugin type, taken from the Db (kysely is the server's dependency, not the scripts').
type Plugin = Parameters<Db['withPlugin']>[0];

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);
let armed = false;
const writes = new WeakSet<object>();
const pauseInSecondSchool: Plugin = {
  transformQuery({ node, queryId }) {
    if (armed && WRITES.has(node.kind)) writes.add(queryId);
    return node;
  },
  // Also a write sent as compiled SQL (executeQuery skips transformQuery): it affected rows.
  async transformResult({ queryId, result }) {
    if (armed && (writes.has(queryId) || (result.numAffectedRows ?? 0n) > 0n)) {
      writeSync(1, 'paused\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // forever: only SIGKILL ends this
    }
    return result;
  },
};

const db = openSqlite(dbPath).withPlugin(pauseInSecondSchool);
await recomputeAll(db, {
  onProgress: ({ school, done }) => {
    writeSync(1, `committed ${done} ${school}\n`);
    armed = true;
  },
});
writeSync(1, 'finished\n'); // not reached when the pause works: the test fails on it
await db.destroy();
