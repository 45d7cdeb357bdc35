import type { Migration } from '@vax/event-sourcing';
import { PERSON_ACCESS_MIGRATIONS } from '@vax/platform';

export const INJECTIONS_MIGRATIONS: Migration[] = [
  {
    name: 'injections-0001-identity-verifications',
    sql: `
      -- What identity.events.v1 told us: the identity checks doses are recorded on.
      create table identity_verifications (
        verification_id text primary key,
        person_id text,
        standing text not null check (standing in ('verified', 'mismatched', 'not-found')),
        checked_at timestamptz not null
      );
    `,
  },
  {
    name: 'injections-0002-population',
    sql: `
      -- Coarse facts of verified people (birth year and district only, never names or numbers) and the
      -- registry's population by district and birth year: coverage without copying personal data.
      create table people_facts (
        person_id text primary key,
        birth_year int not null,
        district text not null
      );
      create table registry_population (
        district text not null,
        birth_year int not null,
        people int not null,
        counted_at timestamptz not null,
        primary key (district, birth_year)
      );
    `,
  },
  ...PERSON_ACCESS_MIGRATIONS,
];
