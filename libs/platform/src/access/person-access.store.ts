import {
  type ComplaintAssigned,
  type ComplaintClosed,
  type ComplaintFiled,
  ComplaintsEventsV1,
  IdentityEventsV1,
  type IdentityVerified,
  type PublicMessage,
} from '@vax/contracts';
import type { Pool } from 'pg';
import type { CallerActor } from '../auth/actor-token';
import type { PersonResource } from '../auth/scope';
import { type KeysetPage, PAGE_LIMIT_DEFAULT, pageOf } from '../http/keyset-page';

export interface PersonRead {
  readerId: string;
  readerRole: string;
  readerUnit: string;
  /** What was read: the record, the certificate, its PDF. */
  what: string;
  ground: string;
  readAt: string;
}

type Queryable = Pick<Pool, 'query'>;

/**
 * What a service owning a person's data knows of who may read them (fresh positive checks by unit,
 * open complaints by holding unit, the person's district), learnt from identity.events.v1 and
 * complaints.events.v1 (each fact an idempotent upsert, so a message delivered twice changes
 * nothing); and the log of who did read them.
 */
export class PersonAccessStore {
  constructor(
    private readonly pool: Pool,
    /** How long a positive identity check lets its unit's staff read the person (VERIFICATION_FRESH_HOURS). */
    private readonly freshHours: number,
  ) {}

  async resourceOf(personId: string, now = new Date()): Promise<PersonResource> {
    const { rows } = await this.pool.query<{ kind: string; ref: string; unit: string | null }>(
      `select 'verification' as kind, verification_id as ref, unit from access_verifications
        where person_id = $1 and checked_at > $2::timestamptz - make_interval(hours => $3)
       union all
       select 'complaint', complaint_id, unit from access_complaints where person_id = $1 and open and unit is not null
       union all
       select 'district', district, null from access_people where person_id = $1`,
      [personId, now.toISOString(), this.freshHours],
    );
    const of = (kind: string) => rows.filter((r) => r.kind === kind);
    return {
      kind: 'person',
      personId,
      freshVerifications: of('verification').map((r) => ({ verificationId: r.ref, unit: r.unit! })),
      heldComplaints: of('complaint').map((r) => ({ complaintId: r.ref, unit: r.unit! })),
      district: of('district')[0]?.ref ?? null,
    };
  }

  async recordRead(personId: string, reader: CallerActor, what: string, ground: string): Promise<void> {
    await this.pool.query(
      `insert into person_reads (person_id, reader_id, reader_role, reader_unit, what, ground)
       values ($1, $2, $3, $4, $5, $6)`,
      [personId, reader.id, reader.role, reader.scope, what, ground],
    );
  }

  /** A page of the reads of a person's data, newest first (by the time read, then the log's id). */
  async readsOf(
    personId: string,
    page: KeysetPage = { after: null, limit: PAGE_LIMIT_DEFAULT },
  ): Promise<{ items: PersonRead[]; nextCursor: string | null }> {
    const { rows } = await this.pool.query(
      `select id, reader_id, reader_role, reader_unit, what, ground, read_at,
         to_char(read_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as read_key from person_reads
        where person_id = $1 and ($2::timestamptz is null or (read_at, id) < ($2, $3))
        order by read_at desc, id desc limit $4`,
      [personId, page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit + 1],
    );
    const { items, nextCursor } = pageOf(rows, page, (r) => [r.read_key, Number(r.id)]);
    return {
      items: items.map((r) => ({
        readerId: r.reader_id,
        readerRole: r.reader_role,
        readerUnit: r.reader_unit,
        what: r.what,
        ground: r.ground,
        readAt: r.read_at.toISOString(),
      })),
      nextCursor,
    };
  }

  /** Applies what a message of identity.events.v1 or complaints.events.v1 says of access; others pass by. */
  async apply(message: PublicMessage<object>, db: Queryable = this.pool): Promise<void> {
    if (message.type === 'IdentityVerified')
      return this.verified(db, message.payload as IdentityVerified, message.actor.scope);
    if (message.type === 'ComplaintFiled') {
      const p = message.payload as ComplaintFiled;
      await db.query(
        `insert into access_complaints (complaint_id, person_id) values ($1, $2)
         on conflict (complaint_id) do update set person_id = coalesce(excluded.person_id, access_complaints.person_id)`,
        [p.complaintId, p.personId ?? null],
      );
    } else if (message.type === 'ComplaintAssigned') {
      const p = message.payload as ComplaintAssigned;
      await db.query(
        `insert into access_complaints (complaint_id, unit) values ($1, $2)
         on conflict (complaint_id) do update set unit = excluded.unit, open = true`,
        [p.complaintId, p.assigneeUnitId],
      );
    } else if (message.type === 'ComplaintClosed') {
      const p = message.payload as ComplaintClosed;
      await db.query(
        `insert into access_complaints (complaint_id, open) values ($1, false)
         on conflict (complaint_id) do update set open = false`,
        [p.complaintId],
      );
    }
  }

  private async verified(db: Queryable, p: IdentityVerified, unit: string): Promise<void> {
    await db.query(
      `insert into access_verifications (verification_id, person_id, unit, checked_at) values ($1, $2, $3, $4)
       on conflict (verification_id) do nothing`,
      [p.verificationId, p.personId, unit, p.verifiedAt],
    );
    if (p.residenceDistrict) {
      await db.query(
        `insert into access_people (person_id, district) values ($1, $2)
         on conflict (person_id) do update set district = excluded.district`,
        [p.personId, p.residenceDistrict],
      );
    }
  }
}

/** The topics a service keeps its access facts from. */
export const PERSON_ACCESS_TOPICS = [IdentityEventsV1.topic, ComplaintsEventsV1.topic] as const;
