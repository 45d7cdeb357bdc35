import { randomUUID } from 'node:crypto';
import { type DoseRecorded, InjectionsEventsV1, type PublicMessage } from '@vax/contracts';
import { DEAD_LETTER_TOPIC, busStream } from '@vax/messaging';
import type { Pool } from 'pg';

/** What the replica-kill test reads from the bus database and from the consuming service's store. */

/** A dose as injections publishes it on the bus, keyed by its person. Synthetic ids, no personal data. */
export function doseRecorded(personId: string, doseNumber: number) {
  const message: PublicMessage<DoseRecorded> = {
    eventId: randomUUID(),
    type: 'DoseRecorded',
    aggregateId: personId,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    actor: { id: 'staff-1', role: 'site-staff', scope: 'site:KILL-01' },
    payload: {
      recordId: `record-${personId}`,
      personId,
      dose: {
        doseNumber,
        vaccineCode: 'AZD1222',
        lotNumber: `LOT-${doseNumber}`,
        administeredOn: `2021-0${doseNumber}-15`,
        siteId: 'KILL-01',
      },
      verificationId: `verification-${personId}-${doseNumber}`,
      recordedBy: 'staff-1',
    },
  };
  return { topic: InjectionsEventsV1.topic, key: personId, message };
}

/**
 * The subscriber's live leases by the process id of their holder (a member is `<host>:<pid>:<nonce>`).
 * A lapsed lease counts for nobody: it is what a take-over waits for.
 */
export async function liveLeases(bus: Pool, subscriber: string): Promise<Map<number, number[]>> {
  const { rows } = await bus.query<{ bucket: number; owner: string }>(
    `select bucket, owner from bus_bucket_leases
      where subscriber = $1 and owner is not null and expires_at > now() order by bucket`,
    [subscriber],
  );
  const byPid = new Map<number, number[]>();
  for (const { bucket, owner } of rows) {
    const pid = Number(owner.split(':').at(-2));
    byPid.set(pid, [...(byPid.get(pid) ?? []), bucket]);
  }
  return byPid;
}

export interface AppliedDose {
  personId: string;
  doseNumber: number;
  /** The bus message the fact came from (the certification decider's source id). */
  sourceId: string;
}

/** The dose facts certification recorded, in each person's stream order: the effects to count. */
export async function appliedDoses(certification: Pool): Promise<AppliedDose[]> {
  const { rows } = await certification.query<AppliedDose>(
    `select data->>'personId' as "personId", (data->'fact'->>'doseNumber')::int as "doseNumber",
            data->>'sourceId' as "sourceId"
       from es_events where event_type = 'InjectionFactApplied' order by stream_name, stream_revision`,
  );
  return rows;
}

/** Messages the subscriber dead-lettered on the bus (none is expected: a kill is not a failure). */
export async function deadLetters(bus: Pool, subscriber: string): Promise<number> {
  const { rows } = await bus.query<{ n: number }>('select count(*)::int as n from es_events where stream_name = $1', [
    busStream(DEAD_LETTER_TOPIC, subscriber),
  ]);
  return rows[0].n;
}

/** The messages of a topic on the bus, each with its stream and its position (a bus checkpoint). */
export async function busMessages(bus: Pool, topic: string) {
  const { rows } = await bus.query<{ eventId: string; stream: string; checkpoint: string }>(
    `select data->>'eventId' as "eventId", stream_name as stream,
            transaction_id::text || ':' || global_position as checkpoint
       from es_events where stream_name like $1 || '|%'`,
    [topic],
  );
  return rows;
}

/** Each bucket's saved checkpoint: where its next holder starts reading. */
export async function bucketCheckpoints(bus: Pool, subscriber: string, buckets: number): Promise<Map<number, string>> {
  const { rows } = await bus.query<{ name: string; checkpoint: string }>(
    'select name, checkpoint from subscription_checkpoints where name like $1',
    [`embedded:${subscriber}:%/${buckets}`],
  );
  return new Map(rows.map((r) => [Number(r.name.slice(`embedded:${subscriber}:`.length).split('/')[0]), r.checkpoint]));
}
