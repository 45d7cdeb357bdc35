import type { Migration } from '@vax/event-sourcing';

/**
 * Rows to review (identity.bulk-results.v2, ADR 14): the registry's ranked candidates for a row that
 * is probably, but not clearly, one of them. The site's choice is kept on the worklist item.
 */
export const LINKAGE_REVIEW_MIGRATION: Migration = {
  name: 'campaign-0005-linkage-review',
  sql: `alter table row_results add column candidates jsonb;`,
};
