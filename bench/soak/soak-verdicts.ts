import { Client as TemporalClient, Connection } from '@temporalio/client';
import { readDeadLetters } from '@vax/messaging';
import { type Admin, AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { complaintWorkflowId } from '../../services/complaints/src/workflows/complaint-lifecycle.messages';
import { citizenOf, manager, soakClient } from './soak-client';
import { SITE, type SoakLedger, bodyOf, dayOf, isOk } from './soak-load';
import type { SoakOptions } from './soak-options';
import { SOAK_SERVICES, type SoakPlatform, sleep } from './soak-platform';

export interface Verdict {
  /** Stable, for a test to name the verdict it asserts. */
  key: string;
  name: string;
  passed: boolean;
  detail: string;
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Polls `check` until it passes or `seconds` are gone; the last verdict either way. */
async function within(seconds: number, key: string, check: () => Promise<Verdict>): Promise<Verdict> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const verdict = await check().catch((e: Error) => ({
      key,
      name: key,
      passed: false,
      detail: `could not be checked: ${e.message}`,
    }));
    if (verdict.passed || Date.now() > deadline) return verdict;
    await sleep(2_000);
  }
}

/** Every point of issue 16's list, read from the platform after the load stopped and it settled. */
export class SoakVerdicts {
  private readonly client: ReturnType<typeof soakClient>;

  constructor(
    private readonly platform: SoakPlatform,
    private readonly ledger: SoakLedger,
    private readonly options: SoakOptions,
    private readonly startedAt: number,
  ) {
    this.client = soakClient(platform);
  }

  /** One settling time for all: a check that passes at once leaves the rest to the next (each gets 20 s at least). */
  async all(): Promise<Verdict[]> {
    const deadline = Date.now() + this.options.settleSeconds * 1000;
    const left = () => Math.max(20, (deadline - Date.now()) / 1000);
    const verdicts: Verdict[] = [];
    const checks: [string, () => Promise<Verdict>][] = [
      ['processes', () => this.processes()],
      ['lags', () => this.lags()],
      ['doses', () => this.dosesInRecord()],
      ['statistics', () => this.statistics()],
      ['certificates', () => this.certificates()],
      ['complaints', () => this.complaints()],
      ['sla', () => this.slaFigures()],
      ['campaign', () => this.campaign()],
      ['deadLetters', () => this.deadLetters()],
    ];
    for (const [key, check] of checks) verdicts.push(await within(left(), key, check));
    return verdicts;
  }

  campaignId?: string;
  /** Figures of the doses against the record: acknowledged, lost (acknowledged, absent) and duplicated. */
  figures = { lost: 0, duplicated: 0, refusedButRecorded: 0, unresolvedRecorded: 0 };

  private async processes(): Promise<Verdict> {
    const notReady = await this.platform.notReady();
    const restarts = Object.entries(this.platform.restarts()).filter(([, n]) => n > 0);
    return {
      key: 'processes',
      name: 'no process left dead, every one ready, none restarted by hand',
      passed: notReady.length === 0,
      detail: `${this.platform.replicas.length} replicas; not ready: ${notReady.join(', ') || 'none'}; restarted by their supervisor: ${restarts.map(([r, n]) => `${r} ×${n}`).join(', ') || 'none'}`,
    };
  }

  private async recordedDoses() {
    return query<{ dose_id: string; person_id: string; n: number }>(
      this.platform.databaseUrl('injections'),
      // The desks' doses: the campaign's legacy doses (years ago, also at this site) are not the load's.
      `select data->>'doseId' as dose_id, data->>'personId' as person_id, count(*)::int as n
       from es_events where event_type = 'DoseRecorded' and data->>'siteId' = $1 and data->>'administeredOn' >= $2
       group by 1, 2`,
      [SITE, dayOf(this.startedAt - 86_400_000)],
    );
  }

  private async dosesInRecord(): Promise<Verdict> {
    const rows = await this.recordedDoses();
    const byDose = new Map(rows.map((r) => [r.dose_id, r.n]));
    const perPerson = new Map<string, number>();
    for (const r of rows) perPerson.set(r.person_id, (perPerson.get(r.person_id) ?? 0) + r.n);
    const acknowledged = this.ledger.acknowledged();
    const lost = acknowledged.filter((d) => !byDose.has(d.doseId));
    // Each person of the load gets one dose: two records of one person is a duplicate whatever its id.
    const duplicated = acknowledged.filter(
      (d) => (byDose.get(d.doseId) ?? 0) > 1 || (perPerson.get(d.personId) ?? 0) > 1,
    );
    const refused = this.ledger.doses.filter((d) => d.outcome === 'refused');
    const refusedButRecorded = refused.filter((d) => byDose.has(d.doseId) || perPerson.has(d.personId));
    const unresolved = this.ledger.doses.filter((d) => d.outcome === 'unresolved');
    this.figures = {
      lost: lost.length,
      duplicated: duplicated.length,
      refusedButRecorded: refusedButRecorded.length,
      unresolvedRecorded: unresolved.filter((d) => byDose.has(d.doseId)).length,
    };
    return {
      key: 'doses',
      name: 'every dose answered 2xx is in the record exactly once; every dose refused is nowhere',
      passed: lost.length === 0 && duplicated.length === 0 && refusedButRecorded.length === 0,
      detail: `${acknowledged.length} acknowledged: ${lost.length} lost, ${duplicated.length} duplicated; ${refused.length} refused: ${refusedButRecorded.length} recorded anyway; ${unresolved.length} unresolved (no answer before the desk gave up), ${this.figures.unresolvedRecorded} of them recorded`,
    };
  }

  private async statistics(): Promise<Verdict> {
    const recorded = (await this.recordedDoses()).reduce((n, r) => n + r.n, 0);
    const range = `from=${dayOf(this.startedAt - 86_400_000)}&to=${dayOf(Date.now())}`;
    const res = await this.client.call('GET', 'injections', `/statistics/doses?groupBy=site&${range}`, manager);
    const rows = isOk(res) ? (bodyOf(res).rows as { key: string; doses: number }[]) : [];
    const counted = rows.find((r) => r.key === SITE)?.doses ?? 0;
    return {
      key: 'statistics',
      name: 'the statistics count every recorded dose once',
      passed: isOk(res) && counted === recorded,
      detail: `statistics ${counted} at ${SITE}, record ${recorded} (answer ${res.status})`,
    };
  }

  private async certificates(): Promise<Verdict> {
    // Every dose of the person, the campaign's too (its list may name a desk's person).
    const doses = new Map(
      (
        await query<{ person: string; n: number }>(
          this.platform.databaseUrl('injections'),
          `select data->>'personId' as person, count(*)::int as n from es_events where event_type = 'DoseRecorded' group by 1`,
        )
      ).map((r) => [r.person, r.n]),
    );
    const events = await query<{ type: string; person: string; certificate: string; dn: number | null }>(
      this.platform.databaseUrl('certification'),
      `select event_type as type, data->>'personId' as person, data->>'certificateId' as certificate,
              (data->'content'->'entry'->>'dn')::int as dn
       from es_events where event_type in ('CertificateIssued', 'CertificateRevoked') order by global_position`,
    );
    const valid = new Map<string, Map<string, number | null>>();
    for (const e of events) {
      const mine = valid.get(e.person) ?? new Map<string, number | null>();
      valid.set(e.person, mine);
      if (e.type === 'CertificateIssued') mine.set(e.certificate, e.dn);
      else mine.delete(e.certificate);
    }
    const people = [...new Set(this.ledger.acknowledged().map((d) => d.personId))];
    const missing = people.filter((p) => (valid.get(p)?.size ?? 0) === 0);
    const twice = [...valid].filter(([, certs]) => certs.size > 1).map(([p]) => p);
    const inconsistent = people.filter((p) => {
      const certs = [...(valid.get(p)?.values() ?? [])];
      return certs.length === 1 && certs[0] !== doses.get(p);
    });
    return {
      key: 'certificates',
      name: 'exactly one valid certificate per vaccinated person, consistent with their doses',
      passed: missing.length === 0 && twice.length === 0 && inconsistent.length === 0,
      detail: `${people.length} people with an acknowledged dose: ${missing.length} without a valid certificate, ${inconsistent.length} whose certificate's dose number differs from the record; ${twice.length} people (of all ${valid.size} certified) with two valid`,
    };
  }

  private async complaints(): Promise<Verdict> {
    const connection = await Connection.connect({ address: this.options.infra.temporalAddress });
    const temporal = new TemporalClient({ connection });
    const mismatched: string[] = [];
    const stuck: string[] = [];
    let closed = 0;
    try {
      for (const c of this.ledger.complaints) {
        const read = await this.client.call('GET', 'complaints', `/complaints/${c.complaintId}`, citizenOf(c.personId));
        const status = isOk(read) ? String(bodyOf(read).status) : `answer ${read.status}`;
        const workflow = await temporal.workflow
          .getHandle(complaintWorkflowId(c.complaintId))
          .describe()
          .then((d) => d.status.name)
          .catch(() => 'none');
        if (read.status === 404 && workflow === 'none' && c.stage === 'failed') continue; // never filed
        if (status === 'closed' && workflow === 'COMPLETED') closed += 1;
        else if (workflow === 'RUNNING' && status !== 'closed') stuck.push(`${c.complaintId} (${status})`);
        else mismatched.push(`${c.complaintId}: read model ${status}, workflow ${workflow}`);
      }
    } finally {
      await connection.close();
    }
    this.closedComplaints = closed;
    return {
      key: 'complaints',
      name: "every complaint's workflow state equals its read model, none stuck",
      passed: mismatched.length === 0 && stuck.length === 0,
      detail: `${this.ledger.complaints.length} complaints: ${closed} closed in both, ${stuck.length} still open, ${mismatched.length} differing${mismatched.length ? ` (${mismatched.slice(0, 3).join('; ')})` : ''}`,
    };
  }

  closedComplaints = 0;

  private async slaFigures(): Promise<Verdict> {
    const res = await this.client.call('GET', 'complaints', '/sla/summary?groupBy=site', manager);
    const row = isOk(res)
      ? (bodyOf(res).rows as { key: string; open: number; resolved: number; breaches: number }[]).find(
          (r) => r.key === SITE,
        )
      : undefined;
    const resolved = row?.resolved ?? 0;
    return {
      key: 'sla',
      name: 'SLA figures consistent with the complaints',
      passed: isOk(res) && resolved === this.closedComplaints && (row?.open ?? 0) === 0,
      detail: `summary at ${SITE}: ${resolved} resolved, ${row?.open ?? 0} open, ${row?.breaches ?? 0} breaches; ${this.closedComplaints} closed (answer ${res.status})`,
    };
  }

  private async campaign(): Promise<Verdict> {
    if (!this.campaignId)
      return { key: 'campaign', name: 'the campaign ran through', passed: false, detail: 'never started' };
    const res = await this.client.call('GET', 'campaign', `/campaigns/${this.campaignId}`, manager);
    const p = isOk(res)
      ? (bodyOf(res).progress as { phase: string; chunksDone: number; chunksTotal: number } | null)
      : null;
    return {
      key: 'campaign',
      name: 'the campaign verified every chunk of its list',
      passed: !!p && p.chunksTotal > 0 && p.chunksDone === p.chunksTotal,
      detail: p ? `phase ${p.phase}, ${p.chunksDone} of ${p.chunksTotal} chunks` : `answer ${res.status}`,
    };
  }

  private async lags(): Promise<Verdict> {
    const kafka = new Kafka({ clientId: 'soak', brokers: this.options.infra.kafkaBrokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const behind: string[] = [];
    try {
      const ends = new Map<string, Map<number, bigint>>();
      for (const group of new Set(this.platform.groups.values())) {
        // Only what the group consumes: the run committed every topic's end for each group at its
        // start (startConsumerGroupsAtTheEnd), so the others hold offsets it never moves.
        const consumed = await consumedTopics(admin, group);
        for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group })) {
          if (!consumed.has(topic)) continue;
          if (!ends.has(topic))
            ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)])));
          const lag = partitions.reduce(
            (n, p) => n + (BigInt(p.offset) < 0n ? 0n : ends.get(topic)!.get(p.partition)! - BigInt(p.offset)),
            0n,
          );
          if (lag > 0n) behind.push(`${group} ${topic} ${lag}`);
        }
      }
    } finally {
      await admin.disconnect();
    }
    for (const service of new Set(SOAK_SERVICES.map((s) => this.platform.databaseUrl(s)))) {
      const [{ has }] = await query<{ has: boolean }>(
        service,
        "select to_regclass('subscription_checkpoints') is not null as has",
      );
      if (!has) continue;
      const [row] = await query<{ behind: number }>(
        service,
        `select count(*)::int as behind from subscription_checkpoints c
         where (c.name like 'publisher:%' or c.name like 'projection:%')
           and exists (select 1 from es_events e where (e.transaction_id, e.global_position) >
             (split_part(c.checkpoint, ':', 1)::xid8, split_part(c.checkpoint, ':', 2)::bigint))`,
      );
      if (row.behind > 0) behind.push(`${new URL(service).pathname.slice(1)}: ${row.behind} store readers`);
    }
    return {
      key: 'lags',
      name: 'consumer, publisher and projection lag back to zero',
      passed: behind.length === 0,
      detail: behind.length
        ? behind.join('; ')
        : 'every consumer group of the run at the end of its topics, every store reader at the end of its store',
    };
  }

  private async deadLetters(): Promise<Verdict> {
    const kafka = new Kafka({ clientId: 'soak', brokers: this.options.infra.kafkaBrokers, logLevel: logLevel.NOTHING });
    const groups = new Set(this.platform.groups.values());
    const mine = (await readDeadLetters(kafka)).filter((l) => groups.has(l.consumerGroup));
    return {
      key: 'deadLetters',
      name: 'the dead-letter topic holds nothing of this run',
      passed: mine.length === 0,
      detail: mine.length
        ? mine
            .slice(0, 5)
            .map((l) => `${l.consumerGroup} ${l.originalTopic}: ${l.error.slice(0, 120)}`)
            .join('; ')
        : "none from any of the run's consumer groups",
    };
  }
}

/** The topics a consumer group's live members are assigned (their subscriptions, as the broker holds them). */
async function consumedTopics(admin: Admin, group: string): Promise<Set<string>> {
  const { groups } = await admin.describeGroups([group]);
  const topics = new Set<string>();
  for (const member of groups[0]?.members ?? []) {
    const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
    for (const topic of Object.keys(decoded?.assignment ?? {})) topics.add(topic);
  }
  return topics;
}
