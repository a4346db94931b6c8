import { sql } from 'kysely';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openPostgres } from './open-postgres';

const url = process.env.PG_URL;

describe.skipIf(!url)('openPostgres', () => {
  afterEach(() => vi.restoreAllMocks());

  test('when the server ends an idle connection, then the process goes on and the next query opens a new one', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = openPostgres(url!, { max: 1 });
    const admin = openPostgres(url!, { max: 1 });
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin);
      await vi.waitFor(() => expect(logged).toHaveBeenCalled(), { timeout: 2000 });

      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);

      expect(after.rows[0]!.pid).not.toBe(rows[0]!.pid);
      expect(String(logged.mock.calls[0]![0])).toContain('connessione inattiva');
    } finally {
      await db.destroy();
      await admin.destroy();
    }
  });
});
