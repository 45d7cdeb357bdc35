import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE_MIGRATIONS, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import { Pool } from 'pg';
import { CAMPAIGN_MIGRATIONS } from '../services/campaign/src/adapters/postgres/campaign.migrations';
import { loadPopulationReference } from '../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../services/identity/src/adapters/local-registry/synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from '../services/identity/src/adapters/local-registry/local-registry.migrations';
import { LocalPopulationRegistry } from '../services/identity/src/adapters/local-registry/local-population.registry';
import { freshDatabase } from './bench-support';
import { writeLegacyList } from './campaign-legacy-list';

/**
 * What both campaign benchmarks start from: fresh identity and campaign databases, the synthetic
 * registry loaded (seed 42), and a legacy list written from it (seed 7) with its truth kept aside.
 */
export async function campaignStage(name: string, people: number, records: number) {
  const [identityDb, campaignDb] = [await freshDatabase(`${name}_identity`), await freshDatabase(`${name}_campaign`)];
  const identityPool = new Pool({ connectionString: identityDb.url, max: 4 });
  const pool = new Pool({ connectionString: campaignDb.url, max: 4 });
  await migrate(identityPool, LOCAL_REGISTRY_MIGRATIONS);
  await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...CAMPAIGN_MIGRATIONS]);
  const population = [...syntheticPopulation(loadPopulationReference(), { size: people, seed: 42 })];
  await new LocalPopulationRegistry(identityPool).replaceAll(population);
  const file = join(mkdtempSync(join(tmpdir(), `campaign-${name}-`)), 'list.csv');
  const truth = await writeLegacyList(file, population, records, 7);
  return {
    identityDb,
    campaignDb,
    identityPool,
    pool,
    file,
    truth,
    async close(): Promise<void> {
      await Promise.all([pool.end(), identityPool.end()]);
      await Promise.all([identityDb.drop(), campaignDb.drop()]);
    },
  };
}
