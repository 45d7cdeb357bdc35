#!/usr/bin/env node
/**
 * The synthetic population, for the local registry, demos and benchmarks.
 *   population generate --size 480000 --seed 42 --out people.jsonl    write JSON lines
 *   population load --database <url> [--file people.jsonl | --size N --seed S] [--if-empty]
 * Loading replaces the local registry's content in one COPY.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { EVENT_STORE_MIGRATIONS, eventStoreKind, migrate, openEventStore } from '@vax/event-sourcing';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { RegistryPerson } from '../../domain/matching/registry-person';
import { LOCAL_REGISTRY_MIGRATIONS } from '../local-registry/local-registry.migrations';
import { LocalPopulationRegistry } from '../local-registry/local-population.registry';
import { loadPopulationReference } from '../../reference/population-reference';
import { syntheticPopulation } from '../local-registry/synthetic-population';
import { CENSUS_STREAM, type PopulationCounted, PopulationTally } from '../../domain/census/population-census';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: '480000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    file: { type: 'string' },
    database: { type: 'string', default: process.env.DATABASE_URL },
    'if-empty': { type: 'boolean', default: false },
  },
});

const generated = () =>
  syntheticPopulation(loadPopulationReference(), { size: Number(values.size), seed: Number(values.seed) });

async function* fromFile(file: string): AsyncGenerator<RegistryPerson> {
  for await (const line of createInterface({ input: createReadStream(file) }))
    if (line.trim()) yield JSON.parse(line) as RegistryPerson;
}

async function generate(): Promise<void> {
  const out = createWriteStream(values.out ?? 'people.jsonl');
  let n = 0;
  for (const person of generated()) {
    if (!out.write(`${JSON.stringify(person)}\n`)) await once(out, 'drain');
    n++;
  }
  out.end();
  await once(out, 'finish');
  process.stderr.write(`generated ${n} people (seed ${values.seed}) into ${values.out ?? 'people.jsonl'}\n`);
}

async function load(): Promise<void> {
  if (!values.database) throw new Error('--database (or DATABASE_URL) is required');
  const pool = new Pool({ connectionString: values.database });
  try {
    await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
    if (values['if-empty']) {
      const { rows } = await pool.query('select exists (select 1 from registry_people) as loaded');
      if (rows[0].loaded) return void process.stderr.write('local registry already loaded, left as it is\n');
    }
    const started = Date.now();
    const tally = new PopulationTally(new Set(loadPopulationReference().districts.map((d) => d.name)));
    const people = values.file ? tally.countAsync(fromFile(values.file)) : tally.count(generated());
    const count = await new LocalPopulationRegistry(pool).replaceAll(people);
    await recordCensus(pool, tally);
    process.stderr.write(
      `loaded ${count} people into the local registry in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await pool.end();
  }
}

/**
 * The counts by district and birth year go into identity's event store, so they reach injections
 * (coverage against the registry's population) like every other fact: published, never queried across.
 * The store is the one the service uses (EVENT_STORE, KURRENTDB_URL; PostgreSQL by default).
 */
async function recordCensus(pool: Pool, tally: PopulationTally): Promise<void> {
  await migrate(pool, EVENT_STORE_MIGRATIONS);
  const event: PopulationCounted = {
    type: 'PopulationCounted',
    data: { countedAt: new Date().toISOString(), counts: tally.result() },
  };
  const actor = { id: 'population-loader', role: 'system', scope: 'province' };
  const store = await openEventStore({
    kind: eventStoreKind(process.env.EVENT_STORE),
    pool,
    kurrentdbUrl: process.env.KURRENTDB_URL,
  });
  await store.append(
    CENSUS_STREAM,
    [
      {
        id: uuidv7(),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { correlationId: uuidv7(), causationId: null, actor, occurredAt: new Date() },
      },
    ],
    'any',
  );
  await store.close();
}

const command = positionals[0];
(command === 'generate'
  ? generate()
  : command === 'load'
    ? load()
    : Promise.reject(new Error('usage: population generate|load [options]'))
).catch((error: unknown) => {
  process.stderr.write(`population: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
