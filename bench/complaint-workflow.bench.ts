/**
 * Complaints carried through the whole workflow per second on the Temporal dev server, beside a
 * one-activity workflow (pipesCheckWorkflow) run by the same worker — the complaints worker's
 * settings, its workflows bundled from services/complaints/src/workflows — in alternating rounds.
 * A complaint: filed (decider, PostgreSQL event store) → workflow started → citizen told → identity
 * checked (the real HTTP client; the service stood in for in this process) → assigned, station told
 * → the station accepts with a correction (the `decide` update, as the API sends it) → correction
 * command (the real publisher, into a sink that answers as injections and certification would) →
 * correction recorded → reissued certificate found → resolved → citizen told. Messages go to the
 * development outbox table. SLAs are short; the decision still comes before any deadline.
 *   npx swc services libs bench -d /tmp/cwbench --copy-files --quiet --ignore '<the test files>'
 *   ln -s "$PWD/node_modules" /tmp/cwbench/node_modules   # the compiled tree finds the packages
 *   node /tmp/cwbench/bench/complaint-workflow.bench.js   (BENCH_SECONDS=30 BENCH_RAMP_SECONDS=10 BENCH_ROUNDS=3 BENCH_IN_FLIGHT=32)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { PostgresEventStore, migrate } from '@vax/event-sourcing';
import type { MessageSink } from '@vax/messaging';
import { ActorTokenSigner, TemporalConnection, generateIssuerKeys } from '@vax/platform';
import { Pool } from 'pg';
import { createComplaintLifecycleActivities } from '../services/complaints/src/activities/complaint-lifecycle.activities';
import { createPipesCheckActivities } from '../services/complaints/src/activities/pipes-check.activities';
import { IdentityServiceClient } from '../services/complaints/src/adapters/identity/identity-service.client';
import { InjectionsCorrectionsPublisher } from '../services/complaints/src/adapters/messaging/injections-corrections.publisher';
import { DevelopmentNotificationOutbox } from '../services/complaints/src/adapters/postgres/development-notifications.adapter';
import { IssuedCertificatesRepository } from '../services/complaints/src/adapters/postgres/issued-certificates.repository';
import { JsonSiteDirectory } from '../services/complaints/src/adapters/reference/json-site-directory';
import { loadSlaDeadlines } from '../services/complaints/src/adapters/reference/sla-reference';
import { TemporalComplaintWorkflows } from '../services/complaints/src/adapters/temporal/temporal-complaint-workflows';
import { ComplaintCommandService } from '../services/complaints/src/application/complaint.command-service';
import { COMPLAINTS_MIGRATIONS } from '../services/complaints/src/adapters/postgres/complaints.migrations';
import type { FileComplaint } from '../services/complaints/src/domain/complaint.commands';
import type { SiteDecision } from '../services/complaints/src/workflows/complaint-lifecycle.messages';
import { fmt, freshDatabase, machine, percentile, runBenchmark } from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const RAMP_SECONDS = Number(process.env.BENCH_RAMP_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const TEMPORAL = process.env.BENCH_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const hours = (amount: number) => ({ amount, unit: 'working-hours' as const });
const SHORT_SLA = {
  national: {
    default: hours(2),
    rules: [],
    reminderBefore: hours(1),
    citizenReplyWithin: hours(8),
    appealWithin: hours(8),
  },
  provinces: {},
};
const citizen = { id: 'citizen-bench', role: 'citizen', scope: 'person:citizen-bench' };
/** The date of a second dose given by the commune station of Bình Lư (LC-TD-01) is wrong: its certificate changes. */
const complaintOf = (complaintId: string, n: number): FileComplaint => ({
  type: 'FileComplaint',
  complaintId,
  citizen,
  stated: { fullName: 'Lò Thị Mai', dateOfBirth: '1990-04-02', gender: 'female', idNumber: `0121${1e7 + n}` },
  contact: { phone: '0912345678', address: 'Bản Nà Khuy, xã Bình Lư, Tam Đường' },
  contactConfirmed: true,
  subject: {
    type: 'dose-details',
    doseNumber: 2,
    fields: ['administeredOn'],
    claimed: { administeredOn: '2021-10-01' },
    siteId: 'LC-TD-01',
  },
  description: 'Ngày tiêm mũi 2 sai một ngày so với giấy xác nhận',
  evidence: [{ evidenceId: `ev-${n}`, mediaType: 'image/jpeg', sizeBytes: 700_000, sha256: 'a'.repeat(64) }],
  at: new Date().toISOString(),
});
const acceptance = (): SiteDecision => ({
  decisionId: randomUUID(),
  decidedBy: { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' },
  kind: 'accept',
  note: 'Đã đối chiếu sổ tiêm, sửa ngày tiêm',
  correction: {
    action: 'correct-dose',
    doseNumber: 2,
    after: { vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
  },
});

/** The identity service, in this process: everyone is verified as the person of their ID number. */
async function identityStandIn(): Promise<{ url: string; close(): void }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { requestId, typed } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const view = {
      verificationId: `v-${requestId}`,
      standing: 'verified',
      personId: `P${typed.idNumber}`,
      differences: [],
    };
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(view));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function main(): Promise<void> {
  const run = randomBytes(3).toString('hex');
  const taskQueue = `complaint-bench-${run}`;
  const db = await freshDatabase('complaint_wf');
  const pool = new Pool({ connectionString: db.url, max: 20, idleTimeoutMillis: 0 }); // kept: their CPU is counted
  const store = new PostgresEventStore(pool);
  await store.migrate();
  await migrate(pool, COMPLAINTS_MIGRATIONS);
  const identity = await identityStandIn();
  const temporal = new TemporalConnection(TEMPORAL, 'default');
  const client = new Client({ connection: await temporal.get() });
  const workflows = new TemporalComplaintWorkflows(temporal, taskQueue);
  const certificates = new IssuedCertificatesRepository(pool);
  const complaints = new ComplaintCommandService(store);
  const outbox = new DevelopmentNotificationOutbox(pool);
  const told = new Map<string, () => void>();
  const failures: unknown[] = [];

  // Injections and certification, as Kafka would bring their answers back: the certificate reissued
  // after the correction (dated a minute on: the activity looks for one issued after its own step
  // began), then the recordCorrected signal the API's consumer sends.
  const answer = async ({ complaintId, personId }: { complaintId: string; personId: string }) => {
    const issuedAt = new Date(Date.now() + 60_000).toISOString();
    await certificates.record({
      certificateId: `URN:UVCI:01:VN:12/${randomUUID()}`,
      personId,
      issuedAt,
      replaces: null,
    });
    await workflows.recordCorrected(complaintId, { recordId: personId, eventId: randomUUID() });
  };
  const sink: MessageSink = {
    publish: async (messages) => {
      for (const { message } of messages) void answer(message.payload as never).catch((e) => failures.push(e));
    },
    close: async () => undefined,
  };
  const activities = createComplaintLifecycleActivities({
    complaints,
    deadlines: loadSlaDeadlines('12', { policy: SHORT_SLA }),
    sites: JsonSiteDirectory.fromReferenceFile(),
    identity: new IdentityServiceClient(
      identity.url,
      await ActorTokenSigner.from((await generateIssuerKeys(['complaints-worker'])).signing['complaints-worker']),
    ),
    injections: new InjectionsCorrectionsPublisher(sink),
    certificates,
    notifications: {
      async send(n) {
        await outbox.send(n);
        if (n.template === 'complaint-assigned') told.get(n.complaintId)?.();
      },
    },
  });

  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: TEMPORAL });
  // As worker/temporal-worker.runner.ts creates it: the workflows folder, both sets of activities, 20 slots.
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    workflowsPath: require.resolve('../services/complaints/src/workflows'),
    activities: { ...createPipesCheckActivities(`bench-${run}`), ...activities },
    maxConcurrentActivityTaskExecutions: 20,
  });
  const running = worker.run();

  let next = 0;
  const early = { refused: 0, decided: 0 };
  const last: Record<Side, string> = { trivial: '', complaint: '' };
  const ops: Record<Side, () => Promise<void>> = {
    trivial: async () => {
      last.trivial = `bench-echo-${run}-${++next}`;
      await client.workflow.execute('pipesCheckWorkflow', { args: ['ping'], workflowId: last.trivial, taskQueue });
    },
    complaint: async () => {
      const n = ++next;
      const id = `bench-${run}-${n}`;
      const assigned = new Promise<void>((resolve) => told.set(id, resolve));
      await complaints.execute(id, complaintOf(id, n), { actor: citizen, correlationId: id });
      await workflows.start(id);
      await assigned;
      told.delete(id);
      // The desk opens in the workflow task after the station was told: an update sent before that
      // is refused at once ('busy', a 409 at the API), and the station sends it again.
      const decision = acceptance();
      for (; (await workflows.decide(id, decision)) === 'busy'; early.refused += 1)
        await new Promise((resolve) => setTimeout(resolve, 5));
      early.decided += 1;
      last.complaint = `complaint-${id}`;
      const { outcome } = await client.workflow.getHandle(last.complaint).result();
      if (failures.length > 0 || outcome !== 'resolved') throw failures[0] ?? new Error(`${id} closed ${outcome}`);
    },
  };

  console.log(`# Complaint workflow — ${machine()}; ${IN_FLIGHT} in flight, ${ROUNDS} rounds of ${SECONDS} s a side`);
  await steadyRate(4, 0, 2, ops.trivial); // warm-up: connections, sticky caches, JIT
  await steadyRate(4, 0, 3, ops.complaint);
  const rounds: Round[] = [];
  for (let round = 1; round <= ROUNDS; round++)
    for (const side of ['trivial', 'complaint'] as const) {
      const before = cpuNow(db.url);
      const rate = await steadyRate(IN_FLIGHT, RAMP_SECONDS, SECONDS, ops[side]);
      const after = cpuNow(db.url);
      rounds.push({
        round,
        side,
        ...rate,
        cpu: {
          bench: after.bench - before.bench,
          temporal: after.temporal - before.temporal,
          postgres: after.postgres - before.postgres,
        },
      });
    }
  report(rounds, {
    trivial: await historyOf(client, last.trivial),
    complaint: await historyOf(client, last.complaint),
  });
  console.log(
    `decisions sent before the desk opened (refused, sent again 5 ms on): ${fmt(early.refused / early.decided, 2)} a complaint`,
  );
  worker.shutdown();
  await running;
  await connection.close();
  await client.connection.close();
  identity.close();
  // end() lets go of its connections before the server has closed them; the drop's termination of
  // any still closing would otherwise surface as an unhandled 'error' on the pool.
  pool.on('error', () => undefined);
  await pool.end();
  await db.drop();
}

type Side = 'trivial' | 'complaint';
type Cpu = Record<'bench' | 'temporal' | 'postgres', number>;
type Rate = { perSecond: number; p50: number; p99: number; all: number };
type Round = Rate & { round: number; side: Side; cpu: Cpu };

/**
 * Completions per second in a window that opens `ramp` seconds in (the pipeline full, as complaints
 * take seconds each) and lasts `seconds`; what still runs at its end finishes uncounted in the rate.
 */
async function steadyRate(inFlight: number, ramp: number, seconds: number, op: () => Promise<void>): Promise<Rate> {
  const from = performance.now() + ramp * 1000;
  const to = from + seconds * 1000;
  const latencies: number[] = [];
  let all = 0;
  const loop = async () => {
    for (let t0 = performance.now(); t0 < to; t0 = performance.now()) {
      await op();
      const t1 = performance.now();
      all += 1;
      if (t1 >= from && t1 <= to) latencies.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), all };
}

/** CPU seconds used by this process (worker, clients, stand-ins), the Temporal dev server, and this run's database's backends. */
function cpuNow(databaseUrl: string): Cpu {
  const database = new URL(databaseUrl).pathname.slice(1);
  const { user, system } = process.cpuUsage();
  const of = (text: string) =>
    readdirSync('/proc').reduce((sum, pid) => {
      try {
        if (!/^\d+$/.test(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(text)) return sum;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return sum + (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, ticks of 10 ms
      } catch {
        return sum; // ended meanwhile
      }
    }, 0);
  return { bench: (user + system) / 1e6, temporal: of('server\0start-dev'), postgres: of(database) };
}

/** What the Temporal server keeps of one workflow: its events, activities and workflow tasks. */
async function historyOf(client: Client, workflowId: string): Promise<number[]> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const count = (has: (e: (typeof events)[number]) => unknown) => events.filter(has).length;
  return [
    events.length,
    count((e) => e.activityTaskScheduledEventAttributes),
    count((e) => e.workflowTaskCompletedEventAttributes),
  ];
}

function report(rounds: Round[], history: Record<Side, number[]>): void {
  const of = (side: Side) => rounds.filter((r) => r.side === side);
  const ratios = of('complaint').map((c, i) => c.perSecond / of('trivial')[i].perSecond);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log('\n| round | one-activity workflows/s | complaints/s, whole workflow | ratio |\n|---:|---:|---:|---:|');
  for (const [i, c] of of('complaint').entries())
    console.log(
      `| ${c.round} | ${fmt(of('trivial')[i].perSecond, 1)} | ${fmt(c.perSecond, 1)} | ${fmt(ratios[i], 2)} |`,
    );
  console.log(
    '\n| workflow | p50 ms | p99 ms | history events | activities | workflow tasks | CPU ms a workflow: bench process | Temporal server | PostgreSQL | all |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const cpuAll = { trivial: 0, complaint: 0 };
  for (const side of ['trivial', 'complaint'] as const) {
    const done = of(side).reduce((n, r) => n + r.all, 0);
    const ms = (key: keyof Cpu) => (1000 * of(side).reduce((n, r) => n + r.cpu[key], 0)) / done;
    cpuAll[side] = ms('bench') + ms('temporal') + ms('postgres');
    const latency = [median(of(side).map((r) => r.p50)), median(of(side).map((r) => r.p99))].map((x) => fmt(x));
    const cpu = [ms('bench'), ms('temporal'), ms('postgres'), cpuAll[side]].map((x) => fmt(x, 1));
    console.log(`| ${side} | ${latency.join(' | ')} | ${history[side].join(' | ')} | ${cpu.join(' | ')} |`);
  }
  const ratio = median(ratios);
  console.log(`\nratio, median of the rounds: ${fmt(ratio, 2)}; target ≥ 0.30: ${ratio >= 0.3 ? 'met' : 'NOT met'}`);
  console.log(
    `bounds: CPU a workflow, trivial ÷ complaint: ${fmt(cpuAll.trivial / cpuAll.complaint, 2)}; history events: ${fmt(history.trivial[0] / history.complaint[0], 2)}`,
  );
}

runBenchmark(main);
