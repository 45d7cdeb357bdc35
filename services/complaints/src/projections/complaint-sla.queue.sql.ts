/*
 * A unit's queue, as the read model's index and the query spell it: the planner reads the index in
 * the queue's order only when both use the very same expressions, so they are written once, here.
 */

/** The complaints a unit has to act on, and a closed one while a step after its closing needs attention. */
export const QUEUE_ROWS = `(status in ('assigned', 'awaiting-citizen', 'accepted', 'corrected') or attention_step is not null)`;

/** Needing attention first, then running before paused, the earliest due (none: last), then by id. */
export const QUEUE_ORDER = `(attention_step is null)::int, paused::int, coalesce(due_at, 'infinity'), complaint_id`;

/**
 * A page of a unit's queue is the next `limit` entries of this index: no sort of everything the unit
 * ever held (a site holds ~10,000 complaints of the province's 100,000, a fifth of them open).
 */
export const queueIndexSql = (table: string) =>
  `create index ${table}_queue on ${table}
     (unit_id, ((attention_step is null)::int), (paused::int), (coalesce(due_at, 'infinity')), complaint_id)
     where ${QUEUE_ROWS}`;
