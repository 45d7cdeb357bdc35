import { migrate } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { loadPopulationReference } from '../../reference/population-reference';
import { syntheticPopulation } from './synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from './local-registry.migrations';
import { LocalPopulationRegistry } from './local-population.registry';

describe('the local population registry (PostgreSQL, loaded by COPY)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let registry: LocalPopulationRegistry;
  const people = [...syntheticPopulation(loadPopulationReference(), { size: 5_000, seed: 11 })];

  beforeAll(async () => {
    db = await createTestDatabase('local_registry');
    pool = new Pool({ connectionString: db.url });
    await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
    registry = new LocalPopulationRegistry(pool);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('loads a population and finds each person by CCCD or old CMND number', async () => {
    expect(await registry.replaceAll(people)).toBe(5_000);
    const withOld = people.find((p) => p.oldIdNumber)!;
    const { ethnicGroup: _g, district: _d, commune: _c, ...expected } = withOld;
    expect(await registry.findByIdNumber(withOld.idNumber)).toEqual(expected);
    expect(await registry.findByIdNumber(withOld.oldIdNumber!)).toEqual(expected);
    expect(await registry.findByIdNumber('012999999999')).toBeNull();
  });

  it('finds many at once, keyed by the number asked for', async () => {
    const asked = [people[0].idNumber, people[1].idNumber, '012999999999'];
    const found = await registry.findManyByIdNumber(asked);
    expect([...found.keys()]).toEqual([people[0].idNumber, people[1].idNumber]);
  });

  it('replaces the content on a second load, keeping names with every diacritic intact', async () => {
    await registry.replaceAll([{ ...people[0], fullName: 'Đặng Thị Hoà\tTab', address: 'Bản\\Nà' }]);
    expect(await registry.findByIdNumber(people[1].idNumber)).toBeNull();
    expect(await registry.findByIdNumber(people[0].idNumber)).toMatchObject({
      fullName: 'Đặng Thị Hoà\tTab',
      address: 'Bản\\Nà',
    });
  });
});
