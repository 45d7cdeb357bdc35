import { randomUUID } from 'node:crypto';
import type { LegacyDoseMatched } from '@vax/contracts';
import {
  type AppendOptions,
  EVENT_STORE_MIGRATIONS,
  PostgresEventStore,
  type StreamAppend,
  migrate,
} from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { LegacyDoseImportService, type MatchedDoseMessage } from '../../application/legacy-dose-import.service';
import { loadReferenceData } from '../../reference/reference-data';

// A batch of matched doses (many people) into their records in ONE transaction on PostgreSQL, each
// record with its own expected revision: a conflict on one aborts and retries the whole batch, and
// the same batch again records nothing.

const actor = { id: 'campaign:cmp-b', role: 'system', scope: 'province:LC' };
const dose = (n: number, personId: string, administeredOn = '2021-08-12'): LegacyDoseMatched => ({
  doseId: `legacy:cmp-b:imp:${n}`,
  campaignId: 'cmp-b',
  personId,
  verificationId: 'cmp-b:imp:0',
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn,
  siteId: 'LC-TD-01',
});
const message = (d: LegacyDoseMatched): MatchedDoseMessage => ({
  dose: d,
  actor,
  meta: { correlationId: 'cmp-b', causationId: randomUUID() },
});

/** Lets a desk record on one record between the batch's read and its append, the first `times` times. */
class RacedStore extends PostgresEventStore {
  readonly appends: number[] = [];
  constructor(
    pool: Pool,
    private readonly rival: (stream: string) => Promise<void>,
    private times = 0,
  ) {
    super(pool);
  }
  override async appendToStreams(appends: StreamAppend[], options?: AppendOptions) {
    this.appends.push(appends.length);
    if (this.times-- > 0) await this.rival(appends[appends.length - 1].stream);
    return super.appendToStreams(appends, options);
  }
}

describe('matched doses recorded in batches (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  const reference = loadReferenceData();

  const typesOf = async (person: string) =>
    (
      await pool.query<{ event_type: string }>(
        'select event_type from es_events where stream_name = $1 order by stream_revision',
        [`record-${person}`],
      )
    ).rows.map((r) => r.event_type);
  const transactionsOf = async (people: string[]) =>
    (
      await pool.query<{ n: number }>(
        'select count(distinct transaction_id)::int as n from es_events where stream_name = any($1)',
        [people.map((p) => `record-${p}`)],
      )
    ).rows[0].n;

  beforeAll(async () => {
    db = await createTestDatabase('legacy_batches');
    pool = new Pool({ connectionString: db.url, max: 6 });
    await migrate(pool, EVENT_STORE_MIGRATIONS);
  }, 30_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  }, 30_000);

  it("records many people's doses in one transaction, each record's doses in order, and nothing the second time", async () => {
    const store = new PostgresEventStore(pool);
    const service = new LegacyDoseImportService(store, reference);
    const batch = [
      message(dose(1, 'A1', '2021-07-01')),
      message(dose(2, 'A2')),
      message(dose(3, 'A1', '2021-09-01')),
      message(dose(4, 'A3', '2099-01-01')), // in the future: refused by the record's rules, not an error
      message(dose(2, 'A2')), // the same dose twice in one batch
    ];
    expect(await service.importMany(batch)).toBe(4);
    expect(await typesOf('A1')).toEqual(['DoseRecorded', 'LegacyDoseImported', 'DoseRecorded', 'LegacyDoseImported']);
    expect(await typesOf('A2')).toEqual(['DoseRecorded', 'LegacyDoseImported']);
    expect(await typesOf('A3')).toEqual(['LegacyDoseRefused']);
    expect(await transactionsOf(['A1', 'A2', 'A3'])).toBe(1);

    expect(await service.importMany(batch)).toBe(0); // redelivered: the records remember each dose id
    expect(await typesOf('A1')).toHaveLength(4);
    expect(await typesOf('A2')).toHaveLength(2);
  });

  it('puts a dose of a merged record on the surviving one', async () => {
    const store = new PostgresEventStore(pool);
    await store.append(
      'record-M1',
      [
        {
          id: randomUUID(),
          type: 'RecordMergedInto',
          schemaVersion: 1,
          data: { personId: 'M1', intoPersonId: 'M2', reason: 'duplicate', mergedBy: 'manager-1' },
          metadata: { correlationId: 'c', causationId: null, actor, occurredAt: new Date() },
        },
      ],
      'no_stream',
    );
    await new LegacyDoseImportService(store, reference).importMany([message(dose(10, 'M1'))]);
    expect(await typesOf('M1')).toEqual(['RecordMergedInto']);
    expect(await typesOf('M2')).toEqual(['DoseRecorded', 'LegacyDoseImported']);
  });

  it('aborts the whole batch when a desk wrote to one record meanwhile, then records every dose once', async () => {
    const desk = new LegacyDoseImportService(new PostgresEventStore(pool), reference);
    const rival = (stream: string) =>
      desk.import(dose(99, stream.slice('record-'.length), '2021-06-01'), actor, {
        correlationId: 'd',
        causationId: 'd',
      });
    const raced = new RacedStore(pool, async (stream) => void (await rival(stream)), 1);
    const service = new LegacyDoseImportService(raced, reference);
    expect(await service.importMany([message(dose(20, 'C1')), message(dose(21, 'C2'))])).toBe(2);
    expect(raced.appends).toEqual([2, 2]); // the first attempt refused as a whole, the second written
    expect(await typesOf('C1')).toEqual(['DoseRecorded', 'LegacyDoseImported']);
    // C2 had the desk's dose first (written between the read and the append): the batch's comes after it.
    expect(await typesOf('C2')).toEqual(['DoseRecorded', 'LegacyDoseImported', 'DoseRecorded', 'LegacyDoseImported']);
    const revisions = await pool.query<{ r: string }>(
      `select stream_revision::text as r from es_events where stream_name = 'record-C2' order by 1`,
    );
    expect(revisions.rows.map((r) => r.r)).toEqual(['0', '1', '2', '3']);
  });
});
