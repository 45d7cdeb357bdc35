import { PERSON_ACCESS_MIGRATIONS } from '@vax/platform';
import type { Migration } from '@vax/event-sourcing';

export const CERTIFICATION_MIGRATIONS: Migration[] = [
  {
    name: 'certification-0001-signers',
    sql: `
      -- Every Document Signer Certificate this service has signed with: the trust list keeps
      -- serving a retired DSC while certificates it signed are still valid.
      create table certification_signers (
        kid text primary key,
        certificate_der bytea not null,
        development boolean not null,
        first_used_at timestamptz not null default now()
      );
    `,
  },
  ...PERSON_ACCESS_MIGRATIONS,
  {
    name: 'certification-0002-policy-reissue',
    sql: `
      -- One run per policy version; its people split into partitions that replicas and threads
      -- claim (for update skip locked) until every one is done. A lease lets another finish a
      -- partition whose claimer died.
      create table certification_policy_runs (
        policy_version text primary key,
        partitions int not null,
        registered_at timestamptz not null default now()
      );
      create table certification_policy_partitions (
        policy_version text not null references certification_policy_runs,
        partition int not null,
        claimed_by text,
        claimed_until timestamptz,
        done_at timestamptz,
        people int,
        changed int,
        primary key (policy_version, partition)
      );
    `,
  },
];
