/**
 * The portal's first load on a phone network: the sign-in page, a citizen's record and the
 * injection desk, each on a cold cache in headless Chromium at 360 px, under Chromium's network
 * emulation (no throttling, a slow 4G and a 3G profile). Reports bytes on the wire, requests, and
 * the time until the page can be used (the citizen holds a dose given at the desk, so their record
 * shows a certificate and its QR). The services run on the embedded transport, a bus of their own. Target (issue 17): the citizen record usable in under 2.5 s
 * on the 3G profile.
 *   npm run build && node dist/bench/portal-phone-load.bench.js     (BENCH_RUNS=3)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { launchChromium } from '../libs/testing/src/browser';
import { loadPopulationReference } from '../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../services/identity/src/adapters/local-registry/synthetic-population';
import { fmt, freshDatabase, machine, runBenchmark, startService } from './bench-support';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORTS = { identity: 4611, injections: 4612, certification: 4614, portal: 4610 };
const PEOPLE = 500;
/** How long a service may take to become ready: on the shared two cores, a minute is sometimes not enough. */
const READY_MS = 180_000;
const url = (s: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[s]}`;
const SEED = 7;
/**
 * Chromium DevTools' presets, "Slow 4G" (formerly "Fast 3G") and "3G" (formerly "Slow 3G"), and
 * WebPageTest's "3G" connectivity profile (1.6 Mbit/s down, 768 kbit/s up, 300 ms RTT).
 */
const PROFILES = [
  { name: 'no throttling', latency: 0, down: -1, up: -1 },
  { name: 'slow 4G (1.6 Mbit/s, 562 ms RTT)', latency: 562.5, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 },
  { name: '3G (400 kbit/s, 2 s RTT)', latency: 2000, down: (400 * 1024) / 8, up: (400 * 1024) / 8 },
  { name: 'WebPageTest 3G (1.6 Mbit/s, 300 ms RTT)', latency: 300, down: 1_600_000 / 8, up: 768_000 / 8 },
];
/** Only these pages (names, comma-separated), e.g. BENCH_PAGES='citizen record'; all by default. */
const ONLY = process.env.BENCH_PAGES?.split(',').map((name) => name.trim());

interface PageUnderTest {
  name: string;
  path: string;
  cookie?: string;
  /** The role this browser was last signed in with (session.js keeps it), as on a returning phone. */
  role?: string;
  /** The moment it can be used: what a person waits for. */
  ready: (page: Page) => Promise<unknown>;
}

async function main(): Promise<void> {
  const tokens = await TestActorTokens.create();
  const dbs = Object.fromEntries(
    await Promise.all(
      ['identity', 'injections', 'certification', 'portal', 'bus'].map(
        async (s) => [s, await freshDatabase(s)] as const,
      ),
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
  const services: Awaited<ReturnType<typeof startService>>[] = [];
  try {
    await startAll(services, tokens, dbs);
    await measure(url('portal'));
  } finally {
    // Stopped even when a start or a measurement fails: the services must not outlive the bench.
    for (const s of services.reverse()) await s.stop();
    for (const db of Object.values(dbs)) await db.drop();
  }
}

async function startAll(
  services: Awaited<ReturnType<typeof startService>>[],
  tokens: TestActorTokens,
  dbs: Record<string, { url: string }>,
): Promise<void> {
  for (const s of ['identity', 'injections', 'certification'] as const)
    services.push(
      await startService(
        `services/${s}/src/main.js`,
        PORTS[s],
        {
          ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
          // A bus of its own: the shared broker's topics hold other runs' doses for the same person ids.
          MESSAGE_TRANSPORT: 'embedded',
          BUS_DATABASE_URL: dbs.bus.url,
          DATABASE_URL: dbs[s].url,
        },
        READY_MS,
      ),
    );
  services.push(
    await startService(
      'services/portal/src/main.js',
      PORTS.portal,
      {
        ACTOR_TOKEN_PRIVATE_KEY: tokens.signingKey('portal'),
        CODE_HASH_SECRET: randomBytes(32).toString('hex'),
        DATABASE_URL: dbs.portal.url,
        IDENTITY_URL: url('identity'),
        INJECTIONS_URL: url('injections'),
        CERTIFICATION_URL: url('certification'),
        COMPLAINTS_URL: 'http://127.0.0.1:9', // not measured here
        CAMPAIGN_URL: 'http://127.0.0.1:9',
        ACCOUNTS_SEED_FILE: join(__dirname, '../services/portal/src/reference/demo-accounts.json'),
      },
      READY_MS,
    ),
  );
}

async function measure(portal: string): Promise<void> {
  const staff = await staffCookie(portal, 'tyt.binhlu');
  const citizen = await citizenCookie(portal);
  await giveADose(portal, staff, citizen.person);
  await certificateIssued(portal, citizen.cookie);
  const pages: PageUnderTest[] = [
    { name: 'sign-in', path: '/', ready: (p) => p.getByLabel('Tên đăng nhập').waitFor() },
    {
      name: 'citizen record',
      path: '/#/citizen',
      cookie: citizen.cookie,
      role: 'citizen',
      // Usable: the dose listed and the certificate's QR drawn, as shown at a check.
      ready: (p) =>
        p
          .getByRole('img', { name: 'Mã QR chứng nhận tiêm chủng quốc tế' })
          .evaluate((img: { decode(): Promise<void> }) => img.decode()),
    },
    {
      name: 'injection desk',
      path: '/#/desk',
      cookie: staff,
      role: 'site-staff',
      ready: (p) => p.getByRole('button', { name: 'Xác thực' }).waitFor(),
    },
  ];
  console.log(`# Portal first load on phone networks — ${machine()}; cold cache, 360 px, median of ${RUNS}`);
  console.log(
    '\n| page | network | requests | bytes on the wire | of which the app | usable after (ms) | offline copy (bytes) |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const browser = await launchChromium();
  const timelines: string[] = [];
  for (const target of pages.filter((p) => !ONLY || ONLY.includes(p.name)))
    for (const profile of PROFILES) {
      const runs: Awaited<ReturnType<typeof firstLoad>>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await firstLoad(browser, portal, target, profile));
      const median = (key: 'requests' | 'bytes' | 'app' | 'ms' | 'offline') =>
        runs.map((r) => r[key]).sort((a, b) => a - b)[runs.length >> 1];
      console.log(
        `| ${target.name} | ${profile.name} | ${median('requests')} | ${fmt(median('bytes'))} | ${fmt(median('app'))} | ${fmt(median('ms'))} | ${fmt(median('offline'))} |`,
      );
      const middle = runs.find((r) => r.ms === median('ms'))!;
      timelines.push(`| ${target.name} | ${profile.name} | ${middle.timeline} | ${fmt(middle.ms)} |`);
    }
  await browser.close();
  // Which request ends when, in the median run: what lies on the path to "usable" and what does not.
  console.log('\n| page | network | each request ended at (ms after the page was asked for) | usable (ms) |');
  console.log('|---|---|---|---:|');
  for (const line of timelines) console.log(line);
}

async function firstLoad(browser: Browser, portal: string, target: PageUnderTest, profile: (typeof PROFILES)[number]) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  if (target.cookie) {
    const [name, value] = target.cookie.split('=');
    await context.addCookies([{ name, value, url: portal }]);
    // The page asks who is signed in only where this browser signed in before, and asks for the
    // view's data early when it knows with which role (session.js, router.js).
    await context.addInitScript({ content: `localStorage.setItem('vax.mayHaveSession', '${target.role}')` });
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.down,
    uploadThroughput: profile.up,
  });
  const sizes: Promise<{ path: string; bytes: number; endedAt: number }>[] = [];
  page.on('requestfinished', (r) =>
    sizes.push(
      r.sizes().then((z) => ({
        path: new URL(r.url()).pathname,
        bytes: z.responseHeadersSize + z.responseBodySize,
        endedAt: r.timing().startTime + r.timing().responseEnd, // wall clock, ms
      })),
    ),
  );
  const startedAt = Date.now();
  const started = performance.now();
  await page.goto(`${portal}${target.path}`);
  await target.ready(page);
  const ms = performance.now() - started;
  // Weighed when usable: what the page fetches later (the PDF kept for offline use) is not counted.
  await page.waitForLoadState('load');
  const all = await Promise.all(sizes);
  await context.close();
  if (process.env.BENCH_VERBOSE) for (const r of all) process.stderr.write(`${target.name}: ${r.path} ${r.bytes}\n`);
  // The certificate's PDF, fetched after the page is drawn to keep it for use offline, is not page weight.
  const drawn = all.filter((r) => r.path !== '/api/me/certificate.pdf');
  const sum = (rs: typeof all) => rs.reduce((a, r) => a + r.bytes, 0);
  const timeline = drawn
    .sort((a, b) => a.endedAt - b.endedAt)
    .map((r) => `${r.path.replace(/^\/assets\/(build\/)?/, '')} ${fmt(Math.round(r.endedAt - startedAt))}`)
    .join(', ');
  return {
    timeline,
    requests: drawn.length,
    bytes: sum(drawn),
    /** The app itself (page, script, styles, texts, icon): what a second visit takes from the cache. */
    app: sum(drawn.filter((r) => r.path === '/' || r.path.startsWith('/assets/') || r.path === '/sw.js')),
    offline: sum(all) - sum(drawn),
    ms,
  };
}

async function staffCookie(portal: string, username: string): Promise<string> {
  const res = await fetch(`${portal}/api/auth/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-LaiChau-2021' }),
  });
  if (res.status !== 201) throw new Error(`staff sign-in answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

type Person = ReturnType<typeof syntheticPopulation> extends Iterable<infer P> ? P : never;

/** The citizen's first dose, given at the desk as a nurse does (check, then dose), so they hold a certificate. */
async function giveADose(portal: string, cookie: string, person: Person): Promise<void> {
  const { csrfToken } = (await (await fetch(`${portal}/api/session`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const post = (path: string, body: object) =>
    fetch(`${portal}${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const { idNumber, fullName, dateOfBirth } = person;
  const checked = await post('/api/desk/verifications', {
    requestId: randomUUID(),
    typed: { idNumber, fullName, dateOfBirth },
  });
  const { personId, verificationId } = (await checked.json()) as { personId: string; verificationId: string };
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const dose = {
    doseId: randomUUID(),
    verificationId,
    vaccineCode: 'AZD1222',
    lotNumber: 'ABV5811',
    administeredOn: today,
    siteId: 'LC-TD-01',
  };
  // The check reaches injections over the bus; until then the dose is refused as unknown.
  for (let i = 0; ; i++) {
    const res = await post(`/api/desk/records/${encodeURIComponent(personId)}/doses`, dose);
    if (res.status === 201 || res.status === 200) return;
    if (i > 120) throw new Error(`the dose was refused: ${res.status} ${await res.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function certificateIssued(portal: string, cookie: string): Promise<void> {
  for (let i = 0; i <= 120; i++) {
    const res = await fetch(`${portal}/api/me/certificate`, { headers: { cookie } });
    if (res.ok && ((await res.json()) as { certificate: unknown }).certificate) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('no certificate was issued after the dose');
}

/** A citizen signed in as people do: a code to the phone on record, read from the development outbox. */
async function citizenCookie(portal: string): Promise<{ cookie: string; person: Person }> {
  const person = [...syntheticPopulation(loadPopulationReference(), { size: PEOPLE, seed: SEED })].find(
    (p) => p.phone && p.idNumber.length === 12,
  )!;
  const post = (path: string, body: object) =>
    fetch(`${portal}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const sent = await post('/api/auth/citizen/codes', { idNumber: person.idNumber });
  if (sent.status !== 202) throw new Error(`code request answered ${sent.status}`);
  const { messages } = (await (await fetch(`${portal}/api/dev/outbox?phone=${person.phone}`)).json()) as {
    messages: { body: string }[];
  };
  const code = /(\d{6})/.exec(messages.find((m) => m.body.startsWith('Ma dang nhap'))!.body)![1];
  const signedIn = await post('/api/auth/citizen/session', { idNumber: person.idNumber, code });
  if (signedIn.status !== 201) throw new Error(`citizen sign-in answered ${signedIn.status}`);
  return { cookie: signedIn.headers.get('set-cookie')!.split(';')[0], person };
}

runBenchmark(main);
