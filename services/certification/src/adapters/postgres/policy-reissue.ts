import type { Pool } from 'pg';
import type { CertificationService, Source } from '../../application/certification.service';

/** What one drain did: partitions finished, people looked at, people whose certification changed. */
export interface ReissueTally {
  partitions: number;
  people: number;
  changed: number;
}

export interface PolicyReissueOptions {
  /** Who claims (a replica's or a thread's name): shown on each partition while it works on it. */
  owner: string;
  /** People in flight at once within a partition: hides the database's round trips behind signing. */
  concurrency?: number;
  /** A claim not finished within this long (a crashed replica) is taken over by another. */
  leaseSeconds?: number;
}

export const REISSUE_PARTITIONS = 64;
const SYSTEM = { id: 'certification', role: 'system', scope: 'system' };

/**
 * After a policy change, every person's certificate is re-derived under the new policy. The people
 * are split into partitions by a hash of their stream; each replica of the service, and each
 * thread of one, claims unfinished partitions (`for update skip locked`) until none is left, so
 * the work is shared without a coordinator. The run is registered once per policy version; a
 * person done twice (a lease taken over) changes nothing the second time (the decider compares).
 */
export class PolicyReissue {
  constructor(
    private readonly pool: Pool,
    private readonly certification: CertificationService,
    private readonly options: PolicyReissueOptions,
  ) {}

  private get version(): string {
    return this.certification.policyVersion;
  }

  /** Records the run for the current policy once, across replicas; true when this call created it. */
  async register(partitions = REISSUE_PARTITIONS): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `with run as (
         insert into certification_policy_runs (policy_version, partitions) values ($1, $2)
         on conflict do nothing returning policy_version)
       insert into certification_policy_partitions (policy_version, partition)
       select policy_version, p from run, generate_series(0, $2 - 1) as p`,
      [this.version, partitions],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Claims and finishes partitions until none is left unclaimed. */
  async drain(): Promise<ReissueTally> {
    const tally: ReissueTally = { partitions: 0, people: 0, changed: 0 };
    for (let claim = await this.claim(); claim; claim = await this.claim()) {
      const people = await this.peopleOf(claim.partition, claim.partitions);
      const changed = await this.reissue(people);
      await this.pool.query(
        `update certification_policy_partitions set done_at = now(), people = $3, changed = $4
         where policy_version = $1 and partition = $2`,
        [this.version, claim.partition, people.length, changed],
      );
      tally.partitions++;
      tally.people += people.length;
      tally.changed += changed;
    }
    return tally;
  }

  /** Whether every partition of the current policy's run is finished. */
  async finished(): Promise<boolean> {
    const { rows } = await this.pool.query(
      `select count(*) filter (where done_at is null)::int as open from certification_policy_partitions
       where policy_version = $1`,
      [this.version],
    );
    return rows[0].open === 0;
  }

  private async claim(): Promise<{ partition: number; partitions: number } | null> {
    const { rows } = await this.pool.query(
      `update certification_policy_partitions p set claimed_by = $2, claimed_until = now() + make_interval(secs => $3)
       from certification_policy_runs r
       where r.policy_version = p.policy_version and (p.policy_version, p.partition) = (
         select policy_version, partition from certification_policy_partitions
         where policy_version = $1 and done_at is null and (claimed_until is null or claimed_until < now())
         order by partition limit 1 for update skip locked)
       returning p.partition, r.partitions`,
      [this.version, this.options.owner, this.options.leaseSeconds ?? 600],
    );
    return rows[0] ?? null;
  }

  /**
   * The people with a certification stream in one partition (the store's stream index). The hash is
   * shifted to be non-negative: abs() of the smallest int4 overflows.
   */
  private async peopleOf(partition: number, partitions: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ person: string }>(
      `select substr(stream_name, 15) as person from es_streams
       where stream_name like 'certification-%' and mod(hashtext(stream_name)::bigint + 2147483648, $2) = $1`,
      [partition, partitions],
    );
    return rows.map((r) => r.person);
  }

  private async reissue(people: string[]): Promise<number> {
    const source: Source = {
      messageId: `policy-${this.version}`,
      correlationId: `policy-${this.version}`,
      actor: SYSTEM,
    };
    let next = 0;
    let changed = 0;
    const lane = async () => {
      while (next < people.length) {
        const person = people[next++];
        if ((await this.certification.applyPolicy(person, source)) > 0) changed++;
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 8 }, lane));
    return changed;
  }
}
