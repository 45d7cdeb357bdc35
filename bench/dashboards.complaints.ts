/**
 * The complaints side of the dashboards bench: complaint histories appended to the complaints
 * service's event store as its command handling appends them (one stream a complaint, not through
 * Temporal), whose SLA read model the service then builds from the log at start; and the logs of who
 * read a person's data in the three services a citizen's "who looked at my data" gathers, written as
 * PersonAccessStore.recordRead writes them (rows, not requests).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresEventStore, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import { Pool } from 'pg';
import { complaintHistory } from './complaint-histories.load';

/** The bench's people are P0000000…; complaint n is filed by person n mod people. */
export const personId = (i: number) => `P${String(i).padStart(7, '0')}`;

/** The province's ratio: 100,000 complaints for 480,000 people. */
export const complaintsFor = (people: number) => Math.round((people * 100_000) / 480_000);

export function complaintSites(): string[] {
  const file = join(__dirname, '../services/complaints/src/reference/sites.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { sites: { id: string }[] }).sites.map((s) => s.id);
}

/** Appends `complaints` histories, 16 at a time; the complaints service projects them when it starts. */
export async function appendComplaints(url: string, complaints: number, people: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 16, options: '-c synchronous_commit=off' });
  try {
    const store = new PostgresEventStore(pool);
    await store.migrate();
    await migrate(pool, MESSAGING_MIGRATIONS);
    const sites = complaintSites();
    let events = 0;
    let next = 1;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let n = next++; n <= complaints; n = next++) {
          const history = complaintHistory(n, sites, personId(n % people));
          events += history.length;
          await store.append(`complaint-k${n}`, history, 'no_stream');
        }
      }),
    );
    return events;
  } finally {
    await pool.end();
  }
}

/**
 * `perPerson` reads of each person's data by staff (a fraction: 0.5 is every other person), spread
 * over 2022–2023, and `ofCitizen` more of the measured citizen's, so their first page is a full one.
 */
export async function seedReads(
  url: string,
  what: string,
  people: number,
  perPerson: number,
  citizen: string,
  ofCitizen: number,
): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const rows = Math.round(people * perPerson);
    for (let first = 0; first < rows; first += 100_000)
      await pool.query(
        `insert into person_reads (person_id, reader_id, reader_role, reader_unit, what, ground, read_at)
         select 'P' || lpad((n % $3)::text, 7, '0'), 'bench-staff', 'site-staff', 'site:LC-TD-01', $4,
           'verification:v-' || n, timestamptz '2022-01-01' + (n % 600) * interval '1 day' + (n % 997) * interval '1 minute'
         from generate_series($1::int, $2::int) n`,
        [first, Math.min(first + 100_000, rows) - 1, people, what],
      );
    await pool.query(
      `insert into person_reads (person_id, reader_id, reader_role, reader_unit, what, ground, read_at)
       select $1, 'bench-staff', 'site-staff', 'site:LC-TD-01', $2, 'verification:v-c' || n,
         timestamptz '2023-01-01' + n * interval '1 day'
       from generate_series(1, $3::int) n`,
      [citizen, what, ofCitizen],
    );
    await pool.query('analyze person_reads');
  } finally {
    await pool.end();
  }
}
