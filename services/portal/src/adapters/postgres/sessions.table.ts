import { createHash, randomBytes } from 'node:crypto';
import type { CallerActor } from '@vax/platform';
import type { Pool } from 'pg';
import { type Session, Sessions } from '../../application/ports/sessions.port';
import { renewalDue } from '../../domain/session-renewal';

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * Server-side sessions: the browser holds only a random id in an HTTP-only cookie; the database
 * holds its hash, so a leaked table cannot be replayed. Idle sessions expire and are renewed on use,
 * though not on every use (domain/session-renewal.ts). Expiry lives in the table, so every replica of the
 * portal sees the same one.
 */
export class PostgresSessions extends Sessions {
  constructor(
    private readonly pool: Pool,
    private readonly idleMinutes: number,
  ) {
    super();
  }

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

  /**
   * The live session for this id; a read writes nothing unless its renewal is due. Expired ones are
   * deleted as found.
   */
  async touch(id: string, now = new Date()): Promise<Session | undefined> {
    const { rows } = await this.pool.query({
      name: 'portal_session_read',
      text: `select actor, display_name, csrf_token, expires_at from sessions where id_hash = $1 and expires_at > $2`,
      values: [hashOf(id), now],
    });
    const r = rows[0];
    if (!r) {
      await this.pool.query('delete from sessions where expires_at <= $1', [now]);
      return undefined;
    }
    const session = { actor: r.actor, displayName: r.display_name, csrfToken: r.csrf_token, expiresAt: r.expires_at };
    if (!renewalDue(session.expiresAt, now, this.idleMinutes)) return session;
    const renewedUntil = await this.renew(id, now);
    return renewedUntil && { ...session, expiresAt: renewedUntil }; // undefined: signed out meanwhile
  }

  /**
   * Pushes the expiry forward without waiting for the disk: a renewal lost in a crash only ends the
   * session a little earlier (it stays within its last window), which is not worth a flush per request.
   * Never moves an expiry backwards, nor revives a session that expired meanwhile.
   */
  private async renew(id: string, now: Date): Promise<Date | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query('set local synchronous_commit = off');
      const { rows } = await client.query(
        `update sessions set expires_at = greatest(expires_at, $3) where id_hash = $1 and expires_at > $2
         returning expires_at`,
        [hashOf(id), now, this.expiry(now)],
      );
      await client.query('commit');
      return rows[0]?.expires_at;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async destroy(id: string): Promise<void> {
    await this.pool.query('delete from sessions where id_hash = $1', [hashOf(id)]);
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.idleMinutes * 60_000);
  }
}
