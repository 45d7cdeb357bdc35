import { migrate } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { type BlockingKey, blockingKeyId } from '../../domain/linkage/linkage-candidates';
import { foldName } from '../../domain/names/vietnamese-name';
import { loadPopulationReference } from '../../reference/population-reference';
import { syntheticPopulation } from './synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from './local-registry.migrations';
import { BLOCK_SEARCH_SQL, BY_NUMBERS_SQL, LocalPopulationRegistry } from './local-population.registry';

describe('searching the local registry by name and birth date (record linkage blocks, PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let registry: LocalPopulationRegistry;
  const people = [...syntheticPopulation(loadPopulationReference(), { size: 5_000, seed: 12 })];
  const person = people.find((p) => foldName(p.fullName).split(' ').length >= 3)!;
  const [family, given] = [foldName(person.fullName).split(' ')[0], foldName(person.fullName).split(' ').pop()!];
  const year = person.dateOfBirth.slice(0, 4);
  const on = (by: 'family' | 'given', text: string, dates = [person.dateOfBirth]): BlockingKey => ({ by, text, dates });

  beforeAll(async () => {
    db = await createTestDatabase('registry_search');
    pool = new Pool({ connectionString: db.url });
    await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
    registry = new LocalPopulationRegistry(pool);
    await registry.replaceAll(people);
  }, 60_000);
  const explain = async (sql: string, parameters: unknown[]) =>
    (await pool.query(`explain ${sql}`, parameters)).rows.map((r) => r['QUERY PLAN']).join('\n');

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('finds a person by folded full name within the birth year, and nobody of another year', async () => {
    const blocks: BlockingKey[] = [
      { by: 'name', text: foldName(person.fullName), year },
      { by: 'name', text: foldName(person.fullName), year: '1801' },
    ];
    const found = await registry.searchByNameAndBirth(blocks);
    expect(found.get(blockingKeyId(blocks[0]))?.map((p) => p.personId)).toContain(person.personId);
    expect(found.has(blockingKeyId(blocks[1]))).toBe(false);
  });

  it('finds them by family name or by given name born on either date, and nobody born another day', async () => {
    const swappedOrOther = [`${year}-01-01` === person.dateOfBirth ? `${year}-01-02` : `${year}-01-01`];
    const found = await registry.searchByNameAndBirth([
      on('family', family),
      on('given', given, [...swappedOrOther, person.dateOfBirth]),
      on('given', given, ['1800-01-01']),
    ]);
    expect(found.get(blockingKeyId(on('family', family)))?.map((p) => p.personId)).toContain(person.personId);
    const either = on('given', given, [...swappedOrOther, person.dateOfBirth]);
    expect(found.get(blockingKeyId(either))?.map((p) => p.personId)).toContain(person.personId);
    expect(found.has(blockingKeyId(on('given', given, ['1800-01-01'])))).toBe(false);
    expect(await registry.searchByNameAndBirth([])).toEqual(new Map());
  });

  it('probes the indexes once per block and number, never reading or hashing the whole registry', async () => {
    // Hundreds of keys, as a batch asks: the planner once chose to hash all of registry_people for them.
    const sample = people.slice(0, 400);
    const plans = await Promise.all([
      explain(BLOCK_SEARCH_SQL.name, [
        sample.map((_, i) => `b${i}`),
        sample.map((p) => foldName(p.fullName)),
        sample.map((p) => Number(p.dateOfBirth.slice(0, 4))),
      ]),
      ...(['family', 'given'] as const).map((by) =>
        explain(BLOCK_SEARCH_SQL[by], [
          sample.map((_, i) => `b${i}`),
          sample.map((p) => foldName(p.fullName).split(' ')[0]),
          sample.map((p) => p.dateOfBirth),
          sample.map((p) => p.dateOfBirth),
        ]),
      ),
      explain(BY_NUMBERS_SQL, [people.slice(0, 200).map((p) => p.idNumber)]),
    ]);
    for (const plan of plans) expect(/Seq Scan on registry_people|Hash Join/.exec(plan)?.[0]).toBeUndefined();
  });

  it('answers a block search from the blocking indexes, not by reading the table', async () => {
    const client = await pool.connect();
    try {
      await client.query('set enable_seqscan = off');
      const plan = async (column: string) =>
        (
          await client.query(
            `explain select 1 from registry_people r where ${column} = 'X' and r.date_of_birth between '2000-01-01' and '2000-01-01'`,
          )
        ).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      expect(await plan("split_part(r.folded_name, ' ', 1)")).toContain('registry_people_family_birth');
      expect(await plan("regexp_replace(r.folded_name, '^.* ', '')")).toContain('registry_people_given_birth');
      expect(await plan('r.folded_name')).toContain('registry_people_name_birth');
    } finally {
      client.release();
    }
  });
});
