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
];
