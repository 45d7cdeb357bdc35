/**
 * What PostgreSQL was asked to write while a bench ran: rows inserted, updated and deleted, and
 * commits, summed over the bench's own databases (pg_stat_database), and WAL bytes (the server's
 * whole WAL, so run the bench alone). Divided by the work done (a list row, a dose) these say what a
 * pipeline costs the database whatever the machine, the floor any faster code would still pay.
 */
import { Client } from 'pg';
import { POSTGRES_ADMIN_URL } from './bench-support';

export interface PostgresWork {
  rowsWritten: number;
  commits: number;
  walBytes: number;
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** Starts counting over the databases of `urls`; the function returned reads what was written since. */
export async function postgresWorkMeter(urls: string[]): Promise<() => Promise<PostgresWork>> {
  const names = urls.map(databaseName);
  const read = async (): Promise<PostgresWork & { lsn: string }> => {
    const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      // The statistics reach the shared view when a backend's transaction ends or within a second.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await admin.query('select pg_stat_clear_snapshot()');
      const { rows } = await admin.query(
        `select coalesce(sum(tup_inserted + tup_updated + tup_deleted), 0)::bigint as written,
                coalesce(sum(xact_commit), 0)::bigint as commits, pg_current_wal_lsn()::text as lsn
         from pg_stat_database where datname = any($1)`,
        [names],
      );
      return { rowsWritten: Number(rows[0].written), commits: Number(rows[0].commits), walBytes: 0, lsn: rows[0].lsn };
    } finally {
      await admin.end();
    }
  };
  const before = await read();
  return async () => {
    const after = await read();
    const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    const { rows } = await admin.query('select pg_wal_lsn_diff($1, $2)::bigint as bytes', [after.lsn, before.lsn]);
    await admin.end();
    return {
      rowsWritten: after.rowsWritten - before.rowsWritten,
      commits: after.commits - before.commits,
      walBytes: Number(rows[0].bytes),
    };
  };
}
