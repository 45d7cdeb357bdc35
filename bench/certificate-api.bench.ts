/**
 * What citizens and checkers wait for, side by side in one run: the certification service as its
 * own process (embedded transport, its own database loaded with BENCH_PEOPLE people's certificates
 * as the consumers write them), each route called by BENCH_CLIENTS closed-loop clients for
 * BENCH_SECONDS, in two rounds, beside a baseline route of the same service: a citizen's certificate
 * (status and HC1), its QR PNG, its A4 PDF (again, as the service keeps it; and a first download,
 * each call another person's, so rendered every time), and a verification (every check, value sets;
 * then with Viet Nam's business rules). Then, in one thread
 * and interleaved, what one certificate costs: issuing (the signature and all) beside its PDF and QR.
 *   npm run bench:certificate-api    (BENCH_PEOPLE=4000, BENCH_CLIENTS=8, BENCH_SECONDS=5, BENCH_PORT=4890)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE_MIGRATIONS, migrate, PostgresEventStore } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import { Pool } from 'pg';
import { Pool as HttpPool } from 'undici';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { DccCertificateSigner } from '../services/certification/src/adapters/hcert/dcc-certificate-signer';
import { CERTIFICATION_MIGRATIONS } from '../services/certification/src/adapters/postgres/certification.migrations';
import { generateDevelopmentChain } from '../services/certification/src/adapters/keys/development-keys';
import { signingKeysOf } from '../services/certification/src/adapters/keys/signing-keys';
import { loadCertificationReference } from '../services/certification/src/reference/certification-reference.loader';
import { fmt, freshDatabase, machine, percentile, runBenchmark, startService } from './bench-support';
import { perCertificate } from './certificate-api.costs';
import { loadPeople } from './certificate-reissue.load';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 4000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4890);
const CALLERS = Math.min(PEOPLE, 200);
/** The same service, the same pool, the same HTTP stack, one small query: what every route pays at least. */
const BASELINE = 'baseline: trust list (public, one small query)';

type Call = (i: number) => { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
interface Latencies {
  ms: number[];
  seconds: number;
}

async function main(): Promise<void> {
  const tokens = await TestActorTokens.create();
  const db = await freshDatabase('certapi');
  const now = new Date();
  const chain = await generateDevelopmentChain(now);
  const keysDir = mkdtempSync(join(tmpdir(), 'bench-cert-keys-'));
  writeFileSync(join(keysDir, 'csca.crt.pem'), chain.cscaPem);
  writeFileSync(join(keysDir, 'dsc.crt.pem'), chain.dscPem);
  writeFileSync(join(keysDir, 'dsc.key.pem'), chain.dscKeyPem, { mode: 0o600 });
  const keys = signingKeysOf(chain, true, now);
  const reference = loadCertificationReference();
  const pool = new Pool({ connectionString: db.url, max: 8 });
  await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...CERTIFICATION_MIGRATIONS]);
  await loadPeople(new PostgresEventStore(pool), new DccCertificateSigner(keys, reference, 'LC'), reference, PEOPLE);
  const service = await startService('services/certification/src/main.js', PORT, {
    DATABASE_URL: db.url,
    MESSAGE_TRANSPORT: 'embedded',
    BUS_DATABASE_URL: db.url, // nothing is consumed here
    PUBLISHER_ENABLED: 'false',
    ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
    CERTIFICATION_KEYS_DIR: keysDir,
  });
  try {
    await policyRunFinished(pool); // the start-up reissue (nothing to change) must not share the measurement
    const http = new HttpPool(`http://127.0.0.1:${PORT}`, { connections: CLIENTS, keepAliveTimeout: 10_000 });
    const people = Array.from({ length: CALLERS }, (_, i) => `B${String(i).padStart(9, '0')}`);
    // Tokens live a minute: minted again before each route, never inside the measured loop.
    const citizen: Record<string, string>[] = [];
    const checker: Record<string, string> = { 'content-type': 'application/json' };
    const system: Record<string, string> = {};
    const mintTokens = async () => {
      const minted = await Promise.all(
        people.map((p) => tokens.headers({ id: p, role: 'citizen', scope: `person:${p}` }, 'certification')),
      );
      citizen.splice(0, citizen.length, ...minted);
      Object.assign(
        checker,
        await tokens.headers({ id: 'checker', role: 'site-staff', scope: 'site:LC-TT-01' }, 'certification'),
      );
      // A service's token (as the complaints worker holds): reads any person, and records no read, like a citizen's own.
      const worker = { id: 'complaints-worker', role: 'system', scope: 'system' };
      system['x-actor-token'] = await tokens.token(worker, 'certification', 'complaints-worker');
    };
    // A first download: each call another person's (beyond the callers, whose PDFs the other route keeps).
    let unrendered = CALLERS;
    const firstDownload = () => {
      if (unrendered >= PEOPLE) throw new Error(`every loaded person's PDF was rendered: raise BENCH_PEOPLE`);
      return `B${String(unrendered++).padStart(9, '0')}`;
    };
    await mintTokens();
    const hc1s = await Promise.all(people.map((_, i) => certificateOf(http, people[i], citizen[i])));
    for (const [i, person] of people.entries())
      // the callers' files, as a holder's second look finds them
      for (const file of ['qr.png', 'certificate.pdf'])
        await send(http, { method: 'GET', path: `/certificates/${person}/${file}`, headers: citizen[i] });
    const calls: [string, Call][] = [
      [BASELINE, () => ({ method: 'GET', path: '/trust-list', headers: {} })],
      [
        'certificate: status and HC1',
        (i) => ({ method: 'GET', path: `/certificates/${people[i % CALLERS]}`, headers: citizen[i % CALLERS] }),
      ],
      [
        'QR PNG (kept by the service)',
        (i) => ({ method: 'GET', path: `/certificates/${people[i % CALLERS]}/qr.png`, headers: citizen[i % CALLERS] }),
      ],
      [
        'PDF A4, first download (rendered)',
        () => ({ method: 'GET', path: `/certificates/${firstDownload()}/certificate.pdf`, headers: system }),
      ],
      [
        'PDF A4, again (kept by the service)',
        (i) => ({
          method: 'GET',
          path: `/certificates/${people[i % CALLERS]}/certificate.pdf`,
          headers: citizen[i % CALLERS],
        }),
      ],
      [
        'verification: every check, value sets',
        (i) => ({
          method: 'POST',
          path: '/verifications',
          headers: checker,
          body: JSON.stringify({ hc1: hc1s[i % CALLERS] }),
        }),
      ],
      [
        'verification with VN rules',
        (i) => ({
          method: 'POST',
          path: '/verifications',
          headers: checker,
          body: JSON.stringify({ hc1: hc1s[i % CALLERS], country: 'VN' }),
        }),
      ],
    ];
    const figures = new Map<string, Latencies>(calls.map(([name]) => [name, { ms: [], seconds: 0 }]));
    const loadAtStart = loadavg()[0];
    for (let round = 0; round < 2; round++)
      for (const [name, call] of calls) {
        await mintTokens();
        const { ms, seconds } = await drive(http, call);
        const f = figures.get(name)!;
        f.ms.push(...ms);
        f.seconds += seconds;
      }
    await http.close();
    const costs = await perCertificate(keys, reference, hc1s[0]);
    report(figures, costs, loadAtStart);
  } finally {
    await service.stop();
    await pool.end();
    await db.drop();
  }
}

async function certificateOf(http: HttpPool, person: string, headers: Record<string, string>): Promise<string> {
  const res = await http.request({ method: 'GET', path: `/certificates/${person}`, headers });
  const body = (await res.body.json()) as { certificate?: { hc1?: string } };
  if (res.statusCode !== 200 || !body.certificate?.hc1)
    throw new Error(`no certificate for a loaded person (${res.statusCode})`);
  return body.certificate.hc1;
}

/** CLIENTS loops calling for SECONDS; every answer must be 200 (a refusal measured as fast is no figure). */
async function drive(http: HttpPool, call: Call): Promise<Latencies> {
  for (let i = 0; i < 20; i++) await send(http, call(i)); // warm: plans, JIT
  const ms: number[] = [];
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await send(http, call(next++));
        ms.push(performance.now() - t0);
      }
    }),
  );
  return { ms, seconds: (performance.now() - started) / 1000 };
}

async function send(http: HttpPool, request: ReturnType<Call>): Promise<void> {
  const res = await http.request(request);
  const body = await res.body.arrayBuffer();
  if (res.statusCode !== 200)
    throw new Error(
      `${request.method} ${request.path}: ${res.statusCode} ${Buffer.from(body).toString().slice(0, 200)}`,
    );
}

async function policyRunFinished(pool: Pool): Promise<void> {
  for (;;) {
    const { rows } = await pool.query(
      `select count(*)::int as all, count(*) filter (where done_at is null)::int as open from certification_policy_partitions`,
    );
    if (rows[0].all > 0 && rows[0].open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function report(figures: Map<string, Latencies>, costs: Awaited<ReturnType<typeof perCertificate>>, load: number) {
  console.log(`# Certification API and rendering — ${machine()}; load average at start ${fmt(load, 1)}`);
  console.log(
    `${fmt(PEOPLE)} people loaded, ${CALLERS} callers, ${CLIENTS} clients, ${SECONDS} s per route × 2 rounds\n`,
  );
  console.log('| route | calls/s | p50 ms | p99 ms | p99 × baseline |\n|---|---:|---:|---:|---:|');
  const p99 = (f: Latencies) =>
    percentile(
      [...f.ms].sort((x, y) => x - y),
      99,
    );
  const base = p99(figures.get(BASELINE)!);
  for (const [name, f] of figures) {
    const p50 = percentile(
      [...f.ms].sort((x, y) => x - y),
      50,
    );
    const cells = [fmt(f.ms.length / f.seconds), fmt(p50, 1), fmt(p99(f), 1), fmt(p99(f) / base, 1)];
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  console.log('\n| one certificate, one thread | µs | × issuing |\n|---|---:|---:|');
  for (const [name, perSecond] of Object.entries(costs))
    console.log(`| ${name} | ${fmt(1e6 / perSecond, 0)} | ${fmt(costs.issuing / perSecond, 1)} |`);
}

runBenchmark(main);
