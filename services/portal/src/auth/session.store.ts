import { createHash, randomBytes } from 'node:crypto';
import type { CallerActor } from '@vax/platform';
import type { Pool } from 'pg';

export interface Session {
  actor: CallerActor;
  displayName: string;
  csrfToken: string;
  expiresAt: Date;
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * Server-side sessions: the browser holds only a random id in an HTTP-only cookie; the database
 * holds its hash, so a leaked table cannot be replayed. Idle sessions expire and are renewed on use.
 */
export class SessionStore {
  constructor(
    private readonly pool: Pool,
    private readonly idleMinutes: number,
  ) {}

  async create(actor: CallerActor, displayName: string, now = new Date()): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const session = {
      actor,
      displayName,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt: this.expiry(now),
    };
    await this.pool.query(
      'insert into sessions (id_hash, actor, display_name, csrf_token, expires_at) values ($1, $2, $3, $4, $5)',
      [hashOf(id), JSON.stringify(actor), displayName, session.csrfToken, session.expiresAt],
    );
    return { id, session };
  }

  /** The live session for this id, its expiry pushed forward; expired ones are deleted as found. */
  async touch(id: string, now = new Date()): Promise<Session | undefined> {
    const { rows } = await this.pool.query(
      `update sessions set expires_at = $3 where id_hash = $1 and expires_at > $2
       returning actor, display_name, csrf_token, expires_at`,
      [hashOf(id), now, this.expiry(now)],
    );
    const r = rows[0];
    if (!r) {
      await this.pool.query('delete from sessions where expires_at <= $1', [now]);
      return undefined;
    }
    return { actor: r.actor, displayName: r.display_name, csrfToken: r.csrf_token, expiresAt: r.expires_at };
  }

  async destroy(id: string): Promise<void> {
    await this.pool.query('delete from sessions where id_hash = $1', [hashOf(id)]);
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.idleMinutes * 60_000);
  }
}
