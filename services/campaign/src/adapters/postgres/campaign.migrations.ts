import type { Migration } from '@vax/event-sourcing';
import { LINKAGE_REVIEW_MIGRATION } from './linkage-review.migration';
import { PROGRESS_COUNTERS_MIGRATION } from './progress-counters.migration';
import { PROGRESS_ANSWERS_MIGRATION } from './progress-answers.migration';
import { PROGRESS_PENDING_MIGRATION } from './progress-pending.migration';
import { PROGRESS_WITHOUT_ID_MIGRATION } from './progress-without-id.migration';

/** The campaign's own tables (after the event store's and messaging's). Applied once, never edited. */
export const CAMPAIGN_MIGRATIONS: Migration[] = [
  {
    name: 'campaign-0001-legacy-rows',
    sql: `
      create table legacy_imports (
        import_id text primary key,
        source_name text not null,
        format text not null,
        mapping jsonb not null,
        committed_through int not null default 0,
        rows_accepted int not null default 0,
        rows_rejected int not null default 0,
        started_at timestamptz not null default now(),
        finished_at timestamptz
      );
      -- The lists as the sites kept them, one row per data row of the file (row_number as in the file).
      create table legacy_rows (
        import_id text not null references legacy_imports,
        row_number int not null,
        status text not null check (status in ('accepted', 'rejected')),
        id_state text not null check (id_state in ('valid', 'missing', 'malformed')),
        full_name text, date_of_birth date, gender text, id_number text, phone text, address text,
        vaccine_code text, lot_number text, administered_on date, dose_number smallint, site_id text,
        problems text not null default '',
        primary key (import_id, row_number)
      );
    `,
  },
  {
    name: 'campaign-0002-campaigns',
    sql: `
      create table campaigns (
        campaign_id text primary key,
        name text not null,
        import_ids text[] not null,
        deadline date not null,
        worklist_due_days int not null,
        status text not null default 'running',
        created_by text not null,
        created_at timestamptz not null default now(),
        closed_at timestamptz
      );
      -- One bulk request to the registry: a range of one import's rows.
      create table verification_batches (
        batch_id text primary key,
        campaign_id text not null references campaigns,
        import_id text not null,
        first_row int not null,
        last_row int not null,
        records int not null,
        sent_at timestamptz not null default now(),
        completed_at timestamptz,
        -- The answers' classes, counted as they are stored: a chunk's outcome without a join over growing tables.
        answer_counts jsonb
      );
      create index verification_batches_open on verification_batches (campaign_id) where completed_at is null;
      -- The registry's answer per row; a corrected row checked again replaces its answer.
      create table row_results (
        campaign_id text not null,
        import_id text not null,
        row_number int not null,
        batch_id text not null,
        result text not null,
        person_id text,
        differences jsonb not null default '[]',
        primary key (campaign_id, import_id, row_number)
      );
      create index row_results_person on row_results (campaign_id, person_id) where person_id is not null;
    `,
  },
  {
    name: 'campaign-0003-follow-up',
    sql: `
      create table merge_proposals (
        proposal_id text primary key,
        campaign_id text not null,
        keep_import text not null, keep_row int not null,
        duplicate_import text not null, duplicate_row int not null,
        evidence jsonb not null,
        status text not null default 'proposed',
        decided_by text, decided_at timestamptz,
        unique (campaign_id, duplicate_import, duplicate_row)
      );
      create table worklist_items (
        item_id text primary key,
        campaign_id text not null,
        import_id text not null, row_number int not null,
        site_id text,
        reason text not null,
        details jsonb not null default '{}',
        status text not null default 'open',
        due_on date not null,
        opened_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (campaign_id, import_id, row_number, reason)
      );
      create index worklist_items_site on worklist_items (campaign_id, site_id, status);
      -- Identity fields a site corrected; the row is checked again with them.
      create table row_corrections (
        campaign_id text not null, import_id text not null, row_number int not null,
        full_name text, date_of_birth date, gender text, id_number text,
        corrected_by text not null, corrected_at timestamptz not null default now(),
        recheck_batch_id text,
        primary key (campaign_id, import_id, row_number)
      );
      -- Matched doses queued for the records in person-and-date order (seq), sent, then answered.
      create table dose_submissions (
        dose_id text primary key,
        seq bigserial not null,
        campaign_id text not null, import_id text not null, row_number int not null,
        person_id text not null, site_id text not null,
        outcome text not null default 'queued',
        dose_number int,
        sent_at timestamptz,
        answered_at timestamptz,
        attestation_id text,
        unique (campaign_id, import_id, row_number)
      );
      create index dose_submissions_queued on dose_submissions (campaign_id, seq) where outcome = 'queued';
      create index dose_submissions_site on dose_submissions (campaign_id, site_id);
    `,
  },
  PROGRESS_COUNTERS_MIGRATION,
  LINKAGE_REVIEW_MIGRATION,
  PROGRESS_PENDING_MIGRATION,
  PROGRESS_ANSWERS_MIGRATION,
  PROGRESS_WITHOUT_ID_MIGRATION,
];
