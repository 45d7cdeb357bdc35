import type { Migration } from '@vax/event-sourcing';
import { PERSON_ACCESS_MIGRATIONS } from '@vax/platform';

export const COMPLAINTS_MIGRATIONS: Migration[] = [
  {
    name: 'complaints-0001-development-notifications',
    sql: `
      -- DEVELOPMENT ONLY: messages the complaints service would send by SMS, kept for the portal to
      -- show. Holds phone numbers (personal data): never enabled where real SMS is sent.
      create table development_notifications (
        key text primary key,
        complaint_id text not null,
        recipient_kind text not null check (recipient_kind in ('phone', 'unit')),
        recipient text not null,
        template text not null,
        body text not null,
        created_at timestamptz not null default now()
      );
      create index development_notifications_complaint on development_notifications (complaint_id, created_at);
    `,
  },
  {
    name: 'complaints-0002-issued-certificates',
    sql: `
      -- What certification.events.v1 told us: certificates issued, so a resolved complaint can name
      -- the one reissued after its correction.
      create table issued_certificates (
        certificate_id text primary key,
        person_id text not null,
        issued_at timestamptz not null,
        replaces text
      );
      create index issued_certificates_person on issued_certificates (person_id, issued_at);
    `,
  },
  {
    name: 'complaints-0003-evidence',
    sql: `
      -- Photos citizens attach (paper certificates, screening forms): personal data, served only to
      -- the filer, the unit holding the complaint and managers over it. One row per photo and owner.
      create table complaint_evidence (
        evidence_id uuid primary key,
        owner_id text not null,
        media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/heic')),
        size_bytes int not null check (size_bytes > 0 and size_bytes <= 5242880),
        sha256 text not null,
        content bytea not null,
        created_at timestamptz not null default now(),
        unique (owner_id, sha256)
      );
    `,
  },
  {
    name: 'complaints-0004-contact-codes-and-filings',
    sql: `
      -- One-time codes confirming the phone a complaint gives (hashed, short-lived), and each
      -- citizen's filings: what the rate limits count.
      create table complaint_contact_codes (
        id bigserial primary key,
        citizen_id text not null,
        code_hash text not null,
        expires_at timestamptz not null,
        attempts int not null default 0,
        used_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index complaint_contact_codes_citizen on complaint_contact_codes (citizen_id, created_at);
      create table complaint_filings (
        complaint_id text primary key,
        citizen_id text not null,
        filed_at timestamptz not null default now()
      );
      create index complaint_filings_citizen on complaint_filings (citizen_id, filed_at);
    `,
  },
  {
    name: 'complaints-0005-sent-messages',
    sql: `
      -- What was sent to the citizen about each complaint, for the portal to show them, in every mode.
      -- Not the phone: the citizen knows it, and the log is per complaint. One row per idempotency key.
      create table complaint_sent_messages (
        key text primary key,
        complaint_id text not null,
        template text not null,
        text text not null,
        sent_at timestamptz not null default now()
      );
      create index complaint_sent_messages_complaint on complaint_sent_messages (complaint_id, sent_at);
    `,
  },
  // The log of staff reading a filer's stated identity and description (person_reads), which the citizen sees.
  ...PERSON_ACCESS_MIGRATIONS,
];
