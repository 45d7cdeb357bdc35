/** Synthetic doses for the dashboards bench: deterministic for a seed, shaped like the 2021–2022 drive. */

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
