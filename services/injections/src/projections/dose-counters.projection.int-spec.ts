import type { RecordedEvent } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { CoverageQuery } from '../adapters/postgres/coverage.query';
import { DoseStatisticsQuery } from '../adapters/postgres/dose-statistics.query';
import { VerificationShareQuery } from '../adapters/postgres/verification-share.query';
import { loadReferenceData } from '../reference/reference-data';
import { doseCountersProjection } from './dose-counters.projection';
import { doseRegisterProjection } from './dose-register.projection';

let position = 0;
const event = (type: string, data: object): RecordedEvent =>
  ({
    id: `e-${++position}`,
    type,
    schemaVersion: 1,
    data,
    stream: 'record-x',
    revision: 0n,
  }) as unknown as RecordedEvent;
const details = (day: string, siteId = 'LC-TD-01', vaccineCode = 'AZD1222', lot = 'L1') => ({
  vaccineCode,
  lotNumber: lot,
  administeredOn: day,
  siteId,
});
const recorded = (doseId: string, personId: string, doseNumber: number, day: string, siteId?: string, v?: string) =>
  event('DoseRecorded', { doseId, personId, doseNumber, verificationId: `v-${personId}`, ...details(day, siteId, v) });

// New doses interleaved with everything that rewrites them: corrections across sites, days and months,
// voids, an attestation, a merge that renumbers and voids, and a dose delivered twice.
const A1 = recorded('d-a1', 'A', 1, '2021-08-01');
const log: RecordedEvent[] = [
  A1,
  recorded('d-b1', 'B', 1, '2021-08-01', 'LC-TP-BV', 'COMIRNATY'),
  A1,
  event('DoseCorrected', {
    personId: 'A',
    doseNumber: 1,
    before: details('2021-08-01'),
    after: details('2021-09-02', 'LC-TD-02', 'AZD1222', 'L2'),
  }),
  recorded('d-a2', 'A', 2, '2021-09-01'),
  recorded('d-c1', 'C', 1, '2021-08-05', 'LC-TP-BV', 'COMIRNATY'),
  recorded('d-c2', 'C', 2, '2021-09-05', 'LC-TP-BV', 'COMIRNATY'),
  event('DoseVoided', { personId: 'B', doseNumber: 1 }),
  event('DayAttested', {
    attestationId: 'att-1',
    siteId: 'LC-TD-01',
    day: '2021-09-01',
    entries: [{ doseId: 'd-a2', personId: 'A', doseNumber: 2, ...details('2021-09-01') }],
  }),
  event('DuplicateAbsorbed', {
    personId: 'A',
    fromPersonId: 'C',
    doses: [
      { doseId: 'd-a1', doseNumber: 1, voided: false, ...details('2021-09-02', 'LC-TD-02', 'AZD1222', 'L2') },
      { doseId: 'd-c1', doseNumber: 2, voided: false, ...details('2021-08-05', 'LC-TP-BV', 'COMIRNATY') },
      { doseId: 'd-a2', doseNumber: 3, voided: false, ...details('2021-09-01') },
      { doseId: 'd-c2', doseNumber: 4, voided: true, ...details('2021-09-05', 'LC-TP-BV', 'COMIRNATY') },
    ],
  }),
  recorded('d-a5', 'A', 5, '2021-12-01'),
  recorded('d-d1', 'D', 1, '2021-12-01', 'LC-TP-BV', 'COMIRNATY'),
  recorded('d-e1', 'E', 1, '2021-12-31', 'LC-TD-02', 'VEROCELL'),
  recorded('d-e2', 'E', 2, '2022-01-01', 'LC-TD-02', 'VEROCELL'),
];

describe('the dose counters projection (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  const reference = loadReferenceData();

  beforeAll(async () => {
    db = await createTestDatabase('dose_counters_projection');
    pool = new Pool({ connectionString: db.url });
    await pool.query(`create table people_facts (person_id text primary key, birth_year int not null, district text not null);
      insert into people_facts values ('A', 1990, 'Tam Đường'), ('C', 2000, 'Sìn Hồ'), ('E', 1950, 'Sìn Hồ')`);
    await pool.query(`create table registry_population (district text, birth_year int, people int, counted_at timestamptz);
      insert into registry_population values ('Tam Đường', 1990, 10, now()), ('Sìn Hồ', 1950, 4, now())`);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function project(table: string, batches: number[][], projection = doseCountersProjection) {
    const client = await pool.connect();
    try {
      await projection.createTable(client, table);
      for (const [from, to] of batches) await projection.applyBatch!(client, table, log.slice(from, to));
    } finally {
      client.release();
    }
  }
  const rows = async (sql: string) => (await pool.query(sql)).rows;
  const byDay = (t: string) =>
    rows(`select to_char(day, 'YYYY-MM-DD') as day, site_id, vaccine_code, dose_number, doses, verified, attested
          from ${t} where doses <> 0 or verified <> 0 or attested <> 0 order by 1, 2, 3, 4`);

  it('counts by day exactly what a full scan of the dose register counts', async () => {
    await project('register', [[0, log.length]], doseRegisterProjection);
    await project('counted', [[0, log.length]]);
    const scanned = await rows(`select to_char(day, 'YYYY-MM-DD') as day, site_id, vaccine_code, dose_number,
        count(*)::int as doses, count(verification_id)::int as verified, count(attestation_id)::int as attested
      from register where not voided group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
    expect(scanned).toHaveLength(7);
    expect(await byDay('counted')).toEqual(scanned);
    expect(await rows(`select day, site_id, doses from counted_day where doses <> 0 order by 1, 2`)).toEqual(
      await rows(
        `select day, site_id, count(*)::int as doses from register where not voided group by 1, 2 order by 1, 2`,
      ),
    );
    expect(
      await rows(`select count(*)::int as n from counted where doses < 0 or verified < 0 or attested < 0`),
    ).toEqual([{ n: 0 }]);
  });

  it('ends the same applied in uneven batches, and again when the whole log is delivered twice', async () => {
    await project('batched', [
      [0, 3],
      [3, 7],
      [7, 8],
      [8, log.length],
      [0, log.length],
    ]);
    expect(await byDay('batched')).toEqual(await byDay('counted'));
    for (const [suffix, key] of [
      ['month', '1, 2, 3, 4'],
      ['day', '1, 2'],
      ['people', '1'],
      ['coverage', '1, 2, 3, 4'],
    ])
      expect(await rows(`select * from batched_${suffix} order by ${key}`)).toEqual(
        await rows(`select * from counted_${suffix} order by ${key}`),
      );
  });

  it('counts each person once where the registry places them, and follows them when that changes', async () => {
    const coverage = () => rows(`select * from counted_coverage where people <> 0 order by 1, 2, 3, 4`);
    // A holds four doses after the merge (first AstraZeneca); C none (merged away); D has no facts.
    expect(await coverage()).toEqual([
      { district: 'Sìn Hồ', birth_year: 1950, first_vaccine: 'VEROCELL', doses: 2, people: 1 },
      { district: 'Tam Đường', birth_year: 1990, first_vaccine: 'AZD1222', doses: 4, people: 1 },
    ]);
    await pool.query(`update people_facts set district = 'Sìn Hồ' where person_id = 'A'`);
    expect(await coverage()).toEqual([
      { district: 'Sìn Hồ', birth_year: 1950, first_vaccine: 'VEROCELL', doses: 2, people: 1 },
      { district: 'Sìn Hồ', birth_year: 1990, first_vaccine: 'AZD1222', doses: 4, people: 1 },
    ]);
    await pool.query(`update people_facts set district = 'Tam Đường' where person_id = 'A'`);
  });

  describe('read through the views the runner serves', () => {
    beforeAll(async () => {
      await pool.query(`create view dose_counters as select * from counted;
        create view dose_counters_month as select * from counted_month;
        create view dose_counters_day as select * from counted_day;
        create view dose_counters_coverage as select * from counted_coverage`);
    });

    it('groups doses between two dates, whole months and their ends alike, within the reader', async () => {
      const statistics = new DoseStatisticsQuery(pool, reference);
      const all = [
        { key: 'LC-TD-01', doses: 2 },
        { key: 'LC-TD-02', doses: 3 },
        { key: 'LC-TP-BV', doses: 2 },
      ];
      expect(await statistics.grouped('site', '2021-01-01', '2030-01-01')).toEqual(all);
      expect(await statistics.grouped('site', '2021-08-03', '2021-12-31')).toEqual([
        { key: 'LC-TD-01', doses: 2 },
        { key: 'LC-TD-02', doses: 2 },
        { key: 'LC-TP-BV', doses: 2 },
      ]);
      expect(await statistics.grouped('doseNumber', '2021-09-02', '2022-01-01', { district: 'Tam Đường' })).toEqual([
        { key: '1', doses: 2 },
        { key: '2', doses: 1 },
        { key: '5', doses: 1 },
      ]);
      expect(await statistics.grouped('day', '2021-12-01', '2021-12-31', { siteId: 'LC-TP-BV' })).toEqual([
        { key: '2021-12-01', doses: 1 },
      ]);
      expect(await statistics.grouped('day', '2021-01-01', '2030-01-01', { district: 'Tam Đường' })).toEqual([
        { key: '2021-09-01', doses: 1 },
        { key: '2021-09-02', doses: 1 },
        { key: '2021-12-01', doses: 1 },
        { key: '2021-12-31', doses: 1 },
        { key: '2022-01-01', doses: 1 },
      ]);
      expect(await statistics.grouped('district', '2021-01-01', '2030-01-01')).toEqual([
        { key: 'Tam Đường', doses: 5 },
        { key: 'Thành phố Lai Châu', doses: 2 },
      ]);
    });

    it('gives verified and attested shares within the reader, and coverage against the population', async () => {
      const share = new VerificationShareQuery(pool, reference);
      expect(await share.grouped('site', { district: 'Tam Đường' })).toEqual([
        { key: 'LC-TD-01', doses: 2, verified: 2, attested: 1, verifiedShare: 1, attestedShare: 0.5 },
        { key: 'LC-TD-02', doses: 3, verified: 3, attested: 0, verifiedShare: 1, attestedShare: 0 },
      ]);
      const { rows: coverage } = await new CoverageQuery(pool, reference).byDistrictAndAge(2021, 'Tam Đường');
      expect(coverage).toEqual([
        expect.objectContaining({ ageGroup: '18-49', population: 10, atLeastOneDose: 1, primarySeries: 1, booster: 1 }),
      ]);
    });
  });
});
