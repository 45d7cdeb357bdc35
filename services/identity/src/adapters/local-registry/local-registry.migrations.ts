import type { Migration } from '@vax/event-sourcing';

/** The local registry: a copy of (synthetic or exported) registry data for development, demos and tests. */
export const LOCAL_REGISTRY_MIGRATIONS: Migration[] = [
  {
    name: 'identity-0001-local-registry',
    sql: `
      create table registry_people (
        person_id text primary key,
        id_number text not null unique,
        old_id_number text unique,
        full_name text not null,
        date_of_birth date not null,
        gender text not null check (gender in ('male', 'female')),
        address text
      );
    `,
  },
  {
    name: 'identity-0002-registry-name-search',
    sql: `
      -- Folded name (no diacritics, upper case; computed by the loader) and birth date: the key that
      -- finds the person behind a mistyped ID number.
      alter table registry_people add column folded_name text not null default '';
      create index registry_people_name_birth on registry_people (folded_name, date_of_birth);
    `,
  },
  {
    name: 'identity-0003-registry-phone',
    sql: `alter table registry_people add column phone text;`,
  },
  {
    name: 'identity-0004-registry-linkage-blocks',
    sql: `
      -- Record linkage blocks (docs/adr/0014-record-linkage.md): family name (first syllable) or
      -- given name (last syllable) with the birth date, to find names given in another order or
      -- without a middle name. Expressions over folded_name, so the loader and old rows need nothing.
      create index registry_people_family_birth on registry_people (split_part(folded_name, ' ', 1), date_of_birth);
      create index registry_people_given_birth on registry_people ((regexp_replace(folded_name, '^.* ', '')), date_of_birth);
    `,
  },
];
