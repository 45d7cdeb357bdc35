import type { RecordedEvent } from '@vax/event-sourcing';
import type { Projection } from '@vax/messaging';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { doseRegisterProjection } from './dose-register.projection';
import { doseStatisticsProjection } from './dose-statistics.projection';

let position = 0;
const event = (type: string, data: object): RecordedEvent =>
  ({
    id: `00000000-0000-7000-8000-${String(++position).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    data,
    stream: 'record-x',
    revision: 0n,
    checkpoint: `1:${position}`,
    recordedAt: new Date(),
    metadata: {
      correlationId: 'c',
      causationId: null,
      actor: { id: 'a', role: 'r', scope: 's' },
      occurredAt: new Date(),
    },
  }) as unknown as RecordedEvent;

const details = (day: string, lot = 'L1') => ({
  vaccineCode: 'AZD1222',
  lotNumber: lot,
  administeredOn: day,
  siteId: 'LC-TD-01',
});
const recorded = (doseId: string, personId: string, doseNumber: number, day: string) =>
  event('DoseRecorded', {
    doseId,
    personId,
    doseNumber,
    verificationId: `v-${personId}`,
    recordedBy: 's',
    ...details(day),
  });

// A log where new doses are interleaved with everything that rewrites them, in both projections' eyes.
const A1 = recorded('d-a1', 'A', 1, '2021-08-01');
const log: RecordedEvent[] = [
  A1,
  recorded('d-b1', 'B', 1, '2021-08-01'),
  A1, // delivered twice (a replay): changes nothing
  event('DoseCorrected', {
    personId: 'A',
    doseNumber: 1,
    before: details('2021-08-01'),
    after: details('2021-08-02', 'L2'),
    reason: 'r',
    complaintId: null,
    correctedBy: 's',
  }),
  recorded('d-a2', 'A', 2, '2021-09-01'),
  // The campaign's answers between its doses: nothing to either projection, and no end to a run.
  event('LegacyDoseImported', { doseId: 'd-a2', personId: 'A', campaignId: 'c', outcome: 'recorded', doseNumber: 2 }),
  event('LegacyDoseRefused', { doseId: 'l-9', personId: 'C', campaignId: 'c', problems: [] }),
  recorded('d-c1', 'C', 1, '2021-08-05'),
  recorded('d-c2', 'C', 2, '2021-09-05'),
  event('DoseVoided', { personId: 'B', doseNumber: 1, reason: 'r', complaintId: null, voidedBy: 's' }),
  event('DayAttested', {
    attestationId: 'att-1',
    siteId: 'LC-TD-01',
    day: '2021-09-01',
    entries: [{ doseId: 'd-a2', personId: 'A', doseNumber: 2, ...details('2021-09-01'), verificationId: 'v-A' }],
  }),
  event('DuplicateAbsorbed', {
    personId: 'A',
    fromPersonId: 'C',
    movedDoseIds: ['d-c1'],
    reason: 'r',
    mergedBy: 's',
    doses: [
      { doseId: 'd-a1', doseNumber: 1, voided: false, ...details('2021-08-02', 'L2') },
      { doseId: 'd-c1', doseNumber: 2, voided: false, ...details('2021-08-05') },
      { doseId: 'd-a2', doseNumber: 3, voided: false, ...details('2021-09-01') },
      { doseId: 'd-c2', doseNumber: 4, voided: true, ...details('2021-09-05') },
    ],
  }),
  recorded('d-a5', 'A', 5, '2021-12-01'),
  recorded('d-d1', 'D', 1, '2021-12-01'),
];

describe('the dose projections, a batch at a time', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('dose_projection_batches');
    pool = new Pool({ connectionString: db.url });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const contents = async (table: string, order: string) =>
    (await pool.query(`select * from ${table} order by ${order}`)).rows;

  async function both(projection: Projection, order: string) {
    const client = await pool.connect();
    try {
      await projection.createTable(client, `${projection.name}_one`);
      await projection.createTable(client, `${projection.name}_batched`);
      for (const e of log) await projection.apply(client, `${projection.name}_one`, e);
      // Split unevenly, so runs of new doses start and end inside batches and at their edges.
      for (const [from, to] of [
        [0, 3],
        [3, 7],
        [7, 8],
        [8, log.length],
      ])
        await projection.applyBatch!(client, `${projection.name}_batched`, log.slice(from, to));
    } finally {
      client.release();
    }
    return [await contents(`${projection.name}_one`, order), await contents(`${projection.name}_batched`, order)];
  }

  it('leaves the dose register exactly as applying each event in turn does', async () => {
    const [one, batched] = await both(doseRegisterProjection, 'dose_id');
    expect(one.map((r) => r.dose_id)).toEqual(['d-a1', 'd-a2', 'd-a5', 'd-b1', 'd-c1', 'd-c2', 'd-d1']);
    expect(batched).toEqual(one);
  });

  it('leaves the dose statistics exactly as applying each event in turn does', async () => {
    const [one, batched] = await both(doseStatisticsProjection, 'person_id, dose_number');
    expect(one.map((r) => `${r.person_id}${r.dose_number}`)).toEqual(['A1', 'A2', 'A3', 'A5', 'B1', 'D1']);
    expect(batched).toEqual(one);
  });
});
