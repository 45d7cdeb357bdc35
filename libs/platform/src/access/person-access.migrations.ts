import type { Migration } from '@vax/event-sourcing';

/**
 * The tables behind "who may read this person" in each service that owns a person's data
 * (injections, certification): kept from identity.events.v1 and complaints.events.v1, and the log
 * of who did read them, which the citizen sees.
 */
export const PERSON_ACCESS_MIGRATIONS: Migration[] = [
  {
    name: 'platform-access-0001-who-may-read',
    sql: `
      -- Positive identity checks, by the unit (actor scope) that made them.
      create table access_verifications (
        verification_id text primary key,
        person_id text not null,
        unit text not null,
        checked_at timestamptz not null
      );
      create index access_verifications_by_person on access_verifications (person_id, checked_at desc);
      -- Citizens' complaints and the unit holding each.
      create table access_complaints (
        complaint_id text primary key,
        person_id text,
        unit text,
        open boolean not null default true
      );
      create index access_complaints_by_person on access_complaints (person_id) where open;
      -- A person's district of residence (a district manager reads only their own).
      create table access_people (
        person_id text primary key,
        district text not null
      );
      -- Every read of a person's data by staff or a manager: who, role, unit, when, and the ground
      -- that allowed it (the verification or complaint).
      create table person_reads (
        id bigserial primary key,
        person_id text not null,
        reader_id text not null,
        reader_role text not null,
        reader_unit text not null,
        what text not null,
        ground text not null,
        read_at timestamptz not null default now()
      );
      create index person_reads_by_person on person_reads (person_id, read_at desc);
    `,
  },
];
