/**
 * The portal as people meet it: first load in headless Chromium (bytes transferred, time until the
 * sign-in form can be used) beside loading the bare index.html from the same server; and the main
 * API calls at 50 concurrent signed-in users (citizen record, manager coverage) beside the same
 * calls made directly to the service behind the portal (what the portal's hop costs).
 * Calls: a citizen's own record (the citizen's home page), the manager's coverage and doses by district.
 *   npm run bench:portal     (BENCH_SECONDS=10 BENCH_CLIENTS=50)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Agent, setGlobalDispatcher } from 'undici';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { launchChromium } from '../libs/testing/src/browser';
import { loadPopulationReference } from '../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../services/identity/src/adapters/local-registry/synthetic-population';
import { KAFKA_BROKERS, fmt, freshDatabase, machine, measure, runBenchmark, startService } from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PORTS = { identity: 4601, injections: 4602, certification: 4604, portal: 4600 };
const PEOPLE = 2_000;
const SEED = 5;

async function main(): Promise<void> {
  const tokens = await TestActorTokens.create();
  const dbs: Record<string, Awaited<ReturnType<typeof freshDatabase>>> = Object.fromEntries(
    await Promise.all(
      ['identity', 'injections', 'certification', 'portal'].map(async (s) => [s, await freshDatabase(s)]),
    ),
  );
  const cli = join(__dirname, '../services/identity/src/adapters/cli/population.cli.js');
  execFileSync(process.execPath, [
    cli,
    'load',
    '--size',
    String(PEOPLE),
    '--seed',
    String(SEED),
    '--database',
    dbs.identity.url,
  ]);
  const common = {
    ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
    KAFKA_BROKERS: KAFKA_BROKERS.join(','),
    KAFKA_CONSUMER_GROUP: '',
  };
  const url = (s: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[s]}`;
  const services = [];
  for (const s of ['identity', 'injections', 'certification'] as const)
    services.push(
      await startService(`services/${s}/src/main.js`, PORTS[s], {
        ...common,
        DATABASE_URL: dbs[s].url,
        KAFKA_CONSUMER_GROUP: `bench-${s}-${randomBytes(3).toString('hex')}`,
      }),
    );
  services.push(
    await startService('services/portal/src/main.js', PORTS.portal, {
      ACTOR_TOKEN_PRIVATE_KEY: tokens.signingKey('portal'),
      // Every simulated person signs in from this one machine: the per-client limits are for the field.
      SIGN_INS_PER_CLIENT_PER_MINUTE: '100000',
      CODES_PER_CLIENT_PER_HOUR: '100000',
      CODES_PER_CLIENT_AND_PERSON: '100000',
      CODES_PER_PERSON_PER_DAY: '100000',
      CODE_HASH_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: dbs.portal.url,
      IDENTITY_URL: url('identity'),
      INJECTIONS_URL: url('injections'),
      COMPLAINTS_URL: 'http://127.0.0.1:9', // not measured here
      CERTIFICATION_URL: url('certification'),
      CAMPAIGN_URL: 'http://127.0.0.1:9', // not measured here
      ACCOUNTS_SEED_FILE: join(__dirname, '../services/portal/src/reference/demo-accounts.json'),
    }),
  );
  console.log(
    `# Portal — ${machine()}; first load in headless Chromium; API at ${CLIENTS} concurrent users, ${SECONDS} s each`,
  );
  await firstLoad(url('portal'));
  await apiCalls(url('portal'), url('injections'), tokens);
  for (const s of services.reverse()) await s.stop();
  for (const db of Object.values(dbs)) await db.drop();
}

async function firstLoad(portal: string): Promise<void> {
  const browser = await launchChromium();
  const runs: { bytes: number; interactiveMs: number; bareMs: number; bareBytes: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } }); // a cold cache each time
    const page = await context.newPage();
    // Bytes on the wire (headers and bodies) of every response, awaited before each figure is read.
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) =>
      sizes.push(request.sizes().then((z) => z.responseHeadersSize + z.responseBodySize)),
    );
    const transferred = async () => (await Promise.all(sizes.splice(0))).reduce((a, b) => a + b, 0);
    const bareStart = performance.now();
    await page.goto(`${portal}/assets/i18n/vi.json`); // a static file, no script: the floor
    const bareMs = performance.now() - bareStart;
    await page.waitForLoadState('networkidle');
    const bareBytes = await transferred();
    const started = performance.now();
    await page.goto(portal);
    await page.getByLabel('Tên đăng nhập').waitFor(); // the sign-in form is there, texts loaded
    const interactiveMs = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const bytes = await transferred();
    runs.push({ bytes, interactiveMs, bareMs, bareBytes });
    await context.close();
  }
  await browser.close();
  const median = <T>(xs: T[], key: (x: T) => number) => xs.map(key).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const tti = median(runs, (r) => r.interactiveMs);
  const bare = median(runs, (r) => r.bareMs);
  console.log('\n| first load (cold cache, 360 px, median of 5) | bytes transferred | ms |');
  console.log('|---|---:|---:|');
  console.log(
    `| bare static file from the same server (the floor) | ${fmt(median(runs, (r) => r.bareBytes))} | ${fmt(bare, 1)} |`,
  );
  console.log(
    `| portal: page, scripts, texts, session check, sign-in form usable | ${fmt(median(runs, (r) => r.bytes))} | ${fmt(tti, 1)} |`,
  );
  console.log(`\nratio of time to interactive to the floor: ${fmt(tti / bare, 1)}`);
}

async function apiCalls(portal: string, injections: string, tokens: TestActorTokens): Promise<void> {
  setGlobalDispatcher(new Agent({ connections: CLIENTS * 2, keepAliveTimeout: 10_000 }));
  const managers = await Promise.all(Array.from({ length: CLIENTS }, () => staffSession(portal)));
  const citizens = await citizenSessions(portal, CLIENTS);
  const manager = { id: 'quanly.soyte', role: 'manager', scope: 'province:LC' };
  // Signed afresh on each request, as the portal does.
  const token = (actor: { id: string; role: string; scope: string }) => tokens.liveHeaders(actor, 'injections');
  const managerToken = token(manager);
  const citizenTokens = citizens.map((c) => token({ id: c.personId, role: 'citizen', scope: `person:${c.personId}` }));
  const ok = async (r: Response) => {
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${r.url} answered ${r.status}`); // a benchmark of errors measures nothing
    return 1;
  };
  const calls: { name: string; direct: (w: number) => Promise<number>; viaPortal: (w: number) => Promise<number> }[] = [
    {
      name: "citizen's own record (citizen home)",
      direct: (w) => fetch(`${injections}/records/${citizens[w].personId}`, { headers: citizenTokens[w] }).then(ok),
      viaPortal: (w) => fetch(`${portal}/api/me/record`, { headers: { cookie: citizens[w].cookie } }).then(ok),
    },
    ...[
      ['coverage (manager dashboard)', '/api/manager/coverage', '/statistics/coverage'],
      [
        'doses by district (manager dashboard)',
        '/api/manager/doses?groupBy=district&from=2021-01-01&to=2030-01-01',
        '/statistics/doses?groupBy=district&from=2021-01-01&to=2030-01-01',
      ],
    ].map(([name, path, upstream]) => ({
      name,
      direct: () => fetch(`${injections}${upstream}`, { headers: managerToken }).then(ok),
      viaPortal: (w: number) => fetch(`${portal}${path}`, { headers: { cookie: managers[w] } }).then(ok),
    })),
  ];
  console.log('\n| call | per second | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  for (const { name, direct, viaPortal } of calls) {
    const base = await measure(CLIENTS, SECONDS * 1000, direct);
    const ours = await measure(CLIENTS, SECONDS * 1000, viaPortal);
    console.log(
      `| ${name}: the service directly (baseline) | ${fmt(base.itemsPerSecond)} | ${fmt(base.p50, 1)} | ${fmt(base.p99, 1)} |`,
    );
    console.log(
      `| ${name}: through the portal (session, role check, hop) | ${fmt(ours.itemsPerSecond)} | ${fmt(ours.p50, 1)} | ${fmt(ours.p99, 1)} |`,
    );
    console.log(
      `ratio ${name}: throughput ${fmt(ours.itemsPerSecond / base.itemsPerSecond, 2)}, p99 ${fmt(ours.p99 / base.p99, 2)}`,
    );
  }
}

/** Citizens signed in as people do: a code to the phone on record (read from the development outbox). */
async function citizenSessions(portal: string, n: number): Promise<{ cookie: string; personId: string }[]> {
  const people = [...syntheticPopulation(loadPopulationReference(), { size: PEOPLE, seed: SEED })]
    .filter((p) => p.phone && p.idNumber.length === 12)
    .slice(0, n);
  const sessions = [];
  for (const person of people) {
    const post = (path: string, body: object) =>
      fetch(`${portal}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const sent = await post('/api/auth/citizen/codes', { idNumber: person.idNumber });
    if (sent.status !== 202) throw new Error(`code request answered ${sent.status}`);
    const outbox = (await (await fetch(`${portal}/api/dev/outbox?phone=${person.phone}`)).json()) as {
      messages: { body: string }[];
    };
    const code = /(\d{6})/.exec(outbox.messages[0].body)![1];
    const signedIn = await post('/api/auth/citizen/session', { idNumber: person.idNumber, code });
    if (signedIn.status !== 201) throw new Error(`citizen sign-in answered ${signedIn.status}`);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
    const session = (await (await fetch(`${portal}/api/session`, { headers: { cookie } })).json()) as { scope: string };
    sessions.push({ cookie, personId: session.scope.replace(/^person:/, '') });
  }
  return sessions;
}

async function staffSession(portal: string): Promise<string> {
  const res = await fetch(`${portal}/api/auth/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'quanly.soyte', password: 'demo-LaiChau-2021' }),
  });
  if (res.status !== 201) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

runBenchmark(main);
