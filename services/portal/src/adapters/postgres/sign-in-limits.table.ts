import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { type LimitOutcome, SignInLimits } from '../../application/ports/sign-in-limits.port';
import type { SignInPolicy } from '../../domain/sign-in-policy';

/** The table every limiter shares (made by the portal's migrations); keys are hashes, never IDs or names. */
export const SIGN_IN_LIMITS_TABLE = 'sign_in_limits';

/**
 * Counters of sign-in attempts and code requests, kept in PostgreSQL so every replica of the portal
 * shares them, and changed by one atomic upsert each (rate-limiter-flexible): fifty parallel guesses
 * count fifty, not one.
 */
export class PostgresSignInLimits extends SignInLimits {
  private readonly failuresByUsername: RateLimiterPostgres;
  private readonly signInsByClient: RateLimiterPostgres;
  private readonly codesByClient: RateLimiterPostgres;
  private readonly codesByClientAndPerson: RateLimiterPostgres;
  private readonly codesByPerson: RateLimiterPostgres;

  constructor(
    pool: Pool,
    private readonly policy: SignInPolicy,
    /** CODE_HASH_SECRET: ID numbers are too few to hide behind a plain hash. */
    private readonly secret: string,
  ) {
    super();
    const limiter = (keyPrefix: string, points: number, seconds: number) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: SIGN_IN_LIMITS_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: false, // expired rows are reused by the next upsert; the table stays small
        keyPrefix,
        points,
        duration: seconds,
      });
    this.failuresByUsername = limiter('password-failures', policy.maxPasswordFailures, policy.lockMinutes * 60);
    this.signInsByClient = limiter('sign-ins-by-client', policy.signInsPerClientPerMinute, 60);
    this.codesByClient = limiter('codes-by-client', policy.codesPerClientPerHour, 3600);
    const window = policy.codeWindowMinutes * 60;
    this.codesByClientAndPerson = limiter('codes-by-client-person', policy.codesPerClientAndPerson, window);
    this.codesByPerson = limiter('codes-by-person', policy.codesPerPersonPerDay, 86_400);
  }

  /** Usernames, ID numbers and addresses are kept only as keyed hashes (the table is no list of who tried). */
  private hashed(value: string): string {
    return createHmac('sha256', this.secret).update(value.trim().toLowerCase()).digest('base64url');
  }

  /** One sign-in attempt (password or code) from a client. */
  signInAttempt(client: string): Promise<LimitOutcome> {
    return consume(this.signInsByClient, this.hashed(client));
  }

  /** Locked: the username (known or not, alike) has had its wrong passwords; until when. */
  async lockedFor(username: string): Promise<number | null> {
    const res = await this.failuresByUsername.get(this.hashed(username));
    return res && res.consumedPoints >= this.policy.maxPasswordFailures ? seconds(res) : null;
  }

  /** A wrong password: counted; the count that reaches the limit locks the username. */
  async passwordFailed(username: string): Promise<number | null> {
    const outcome = await consume(this.failuresByUsername, this.hashed(username));
    if (outcome.limited) return outcome.retryAfterSeconds;
    if (outcome.remaining > 0) return null;
    // The failure that used the last try locks for the whole period from now.
    await this.failuresByUsername.block(this.hashed(username), this.policy.lockMinutes * 60);
    return this.policy.lockMinutes * 60;
  }

  async passwordAccepted(username: string): Promise<void> {
    await this.failuresByUsername.delete(this.hashed(username));
  }

  /** A code asked for an ID number by a client: every limit is counted, the first one reached refuses. */
  async codeRequested(client: string, idNumber: string): Promise<LimitOutcome & { limit?: 'client' | 'person' }> {
    for (const [limiter, key, limit] of [
      [this.codesByClient, this.hashed(client), 'client'],
      [this.codesByClientAndPerson, this.hashed(`${client}\n${idNumber}`), 'client'],
      [this.codesByPerson, this.hashed(idNumber), 'person'],
    ] as const) {
      const outcome = await consume(limiter, key);
      if (outcome.limited) return { ...outcome, limit };
    }
    return { limited: false, remaining: 0 };
  }
}

async function consume(limiter: RateLimiterPostgres, key: string): Promise<LimitOutcome> {
  try {
    const res = await limiter.consume(key);
    return { limited: false, remaining: res.remainingPoints };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal; // the database failed: not a verdict
    return {
      limited: true,
      retryAfterSeconds: seconds(refusal),
      firstRefusal: refusal.consumedPoints === limiter.points + 1,
    };
  }
}

const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
