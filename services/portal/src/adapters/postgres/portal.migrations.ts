import type { Migration } from '@vax/event-sourcing';

/** The portal owns sessions, staff accounts, sign-in codes and (in development) the outbox of messages. */
export const PORTAL_MIGRATIONS: Migration[] = [
  {
    name: 'portal-0001-sessions-and-accounts',
    sql: `
      -- Sessions: the cookie holds a random id; only its SHA-256 is stored.
      create table sessions (
        id_hash text primary key,
        actor jsonb not null,
        display_name text not null,
        csrf_token text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null
      );
      create index sessions_expiry on sessions (expires_at);
      -- Staff and managers, bound to a role and a scope (site, commune, district, province).
      create table accounts (
        username text primary key,
        password_hash text not null,
        display_name text not null,
        role text not null,
        scope text not null,
        failed_attempts int not null default 0,
        locked_until timestamptz
      );
      -- Citizens' one-time sign-in codes, keyed by a hash of the ID number; the code itself is hashed.
      create table sign_in_codes (
        subject_hash text primary key,
        code_hash text not null,
        person_id text not null,
        expires_at timestamptz not null,
        attempts int not null default 0,
        sent_at timestamptz[] not null default '{}'
      );
      -- Development only: messages kept instead of sent, shown on the portal, clearly marked.
      create table dev_outbox (
        id bigserial primary key,
        channel text not null,
        recipient text not null,
        body text not null,
        sent_at timestamptz not null default now()
      );
    `,
  },
  {
    name: 'portal-0002-sign-in-limits',
    sql: `
      -- Counters of wrong passwords (per username, known or not), sign-in attempts and code requests
      -- (per client, per client and person, per person), as rate-limiter-flexible keeps them: keyed
      -- hashes, points, expiry in epoch milliseconds. They replace the per-account columns, whose
      -- read-then-write let parallel guesses count as one.
      create table sign_in_limits (
        key varchar(255) primary key,
        points integer not null default 0,
        expire bigint
      );
      alter table accounts drop column failed_attempts, drop column locked_until;
      alter table sign_in_codes drop column sent_at;
    `,
  },
];
