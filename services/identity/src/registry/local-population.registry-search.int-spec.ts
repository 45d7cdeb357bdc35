import { migrate } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { type BlockingKey, blockingKeyId } from '../domain/linkage/linkage-candidates';
import { foldName } from '../domain/names/vietnamese-name';
import { loadPopulationReference } from '../population/population-reference';
import { syntheticPopulation } from '../population/synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from './local-registry.migrations';
import { LocalPopulationRegistry } from './local-population.registry';

describe('searching the local registry by name and birth date (record linkage blocks, PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let registry: LocalPopulationRegistry;
  const people = [...syntheticPopulation(loadPopulationReference(), { size: 5_000, seed: 12 })];
  const person = people.find((p) => foldName(p.fullName).split(' ').length >= 3)!;
  const [family, given] = [foldName(person.fullName).split(' ')[0], foldName(person.fullName).split(' ').pop()!];
  const on = (by: BlockingKey['by'], text: string, from = person.dateOfBirth, to = from): BlockingKey => ({
    by,
    text,
    from,
    to,
  });

  beforeAll(async () => {
    db = await createTestDatabase('registry_search');
    pool = new Pool({ connectionString: db.url });
    await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
    registry = new LocalPopulationRegistry(pool);
    await registry.replaceAll(people);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('finds a person by folded full name with the birth date, or within the birth year', async () => {
    const year = person.dateOfBirth.slice(0, 4);
    const blocks = [
      on('name', foldName(person.fullName)),
      on('name', foldName(person.fullName), `${year}-01-01`, `${year}-12-31`),
    ];
    const found = await registry.searchByNameAndBirth(blocks);
    for (const b of blocks) expect(found.get(blockingKeyId(b))?.map((p) => p.personId)).toContain(person.personId);
  });

  it('finds them by family name or by given name with the birth date, and nobody born another day', async () => {
    const found = await registry.searchByNameAndBirth([
      on('family', family),
      on('given', given),
      on('given', given, '1800-01-01'),
    ]);
    expect(found.get(blockingKeyId(on('family', family)))?.map((p) => p.personId)).toContain(person.personId);
    expect(found.get(blockingKeyId(on('given', given)))?.map((p) => p.personId)).toContain(person.personId);
    expect(found.has(blockingKeyId(on('given', given, '1800-01-01')))).toBe(false);
    expect(await registry.searchByNameAndBirth([])).toEqual(new Map());
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
