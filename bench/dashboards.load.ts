/** Synthetic doses for the dashboards bench: deterministic for a seed, shaped like the 2021–2022 drive. */
import { randomUUID } from 'node:crypto';
import type { PostgresEventStore } from '@vax/event-sourcing';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { loadReferenceData } from '../services/injections/src/reference/reference-data';

interface Site {
  id: string;
  district: string;
}

export interface SyntheticPerson {
  personId: string;
  birthYear: number;
  district: string;
  doses: { vaccineCode: string; lotNumber: string; administeredOn: string; siteId: string; verificationId: string }[];
}

const VACCINES = ['AZD1222', 'COMIRNATY', 'VEROCELL', 'SPIKEVAX'];
const DOSE_COUNTS = [1, 2, 2, 2, 3, 3, 3, 2, 4, 3]; // ~2.5 doses a person
const FIRST_DAY = Date.parse('2021-03-15T00:00:00Z');
const DAY_MS = 86_400_000;

/** A small, fast PRNG (mulberry32): the same load for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDoses(size: number, sites: Site[], seed: number) {
  const next = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const people: SyntheticPerson[] = [];
  const census = new Map<string, { district: string; birthYear: number; people: number }>();
  for (let i = 0; i < size; i++) {
    const site = pick(sites);
    const vaccineCode = pick(VACCINES);
    const birthYear = 1940 + Math.floor(next() * 70);
    let day = FIRST_DAY + Math.floor(next() * 470) * DAY_MS;
    const doses = Array.from({ length: pick(DOSE_COUNTS) }, (_, n) => {
      if (n > 0) day += (28 + Math.floor(next() * 120)) * DAY_MS;
      const at = next() < 0.9 ? site : pick(sites);
      const administeredOn = new Date(day).toISOString().slice(0, 10);
      return {
        vaccineCode,
        lotNumber: `${vaccineCode}-L${n}`,
        administeredOn,
        siteId: at.id,
        verificationId: `v-${i}-${n}`,
      };
    });
    people.push({ personId: `P${String(i).padStart(7, '0')}`, birthYear, district: site.district, doses });
    const key = `${site.district}|${birthYear}`;
    const count = census.get(key) ?? { district: site.district, birthYear, people: 0 };
    count.people += 1.25; // the registry also counts the unvaccinated
    census.set(key, count);
  }
  return { people, census: [...census.values()].map((c) => ({ ...c, people: Math.ceil(c.people) })) };
}

/** Appends every person's doses as their record's stream, 16 at a time; writes facts and census. */
export async function loadDoses(pool: Pool, store: PostgresEventStore, people: number): Promise<number> {
  const reference = loadReferenceData();
  const generated = syntheticDoses(people, [...reference.sites.values()], 42);
  let doses = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < generated.people.length; i = next++) {
        const person = generated.people[i];
        doses += person.doses.length;
        await store.append(
          `record-${person.personId}`,
          person.doses.map((d, n) => ({
            id: uuidv7(),
            type: 'DoseRecorded',
            schemaVersion: 1,
            data: { doseId: randomUUID(), personId: person.personId, doseNumber: n + 1, ...d, recordedBy: 'bench' },
            metadata: {
              correlationId: randomUUID(),
              causationId: null,
              actor: { id: 'bench', role: 'site-staff', scope: `site:${d.siteId}` },
              occurredAt: new Date(`${d.administeredOn}T09:00:00+07:00`),
            },
          })),
          'no_stream',
        );
      }
    }),
  );
  for (let i = 0; i < generated.people.length; i += 10_000) {
    const chunk = generated.people.slice(i, i + 10_000);
    await pool.query(
      `insert into people_facts (person_id, birth_year, district) select * from unnest($1::text[], $2::int[], $3::text[])`,
      [chunk.map((p) => p.personId), chunk.map((p) => p.birthYear), chunk.map((p) => p.district)],
    );
  }
  const census = generated.census;
  await pool.query(
    `insert into registry_population (district, birth_year, people, counted_at)
     select d, y, n, now() from unnest($1::text[], $2::int[], $3::int[]) as t(d, y, n)`,
    [census.map((c) => c.district), census.map((c) => c.birthYear), census.map((c) => c.people)],
  );
  return doses;
}
