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
];
