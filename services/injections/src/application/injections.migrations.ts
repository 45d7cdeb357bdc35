import type { Migration } from '@vax/event-sourcing';

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
];
