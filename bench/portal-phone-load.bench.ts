/**
 * The portal's first load on a phone network: the sign-in page, a citizen's record and the
 * injection desk, each on a cold cache in headless Chromium at 360 px, under Chromium's network
 * emulation (no throttling, a slow 4G and a 3G profile). Reports bytes on the wire, requests, and
 * the time until the page can be used. Target (issue 17): the citizen record usable in under 2.5 s
 * on the 3G profile.
 *   npm run build && node dist/bench/portal-phone-load.bench.js     (BENCH_RUNS=3)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { launchChromium } from '../libs/testing/src/browser';
import { loadPopulationReference } from '../services/identity/src/population/population-reference';
import { syntheticPopulation } from '../services/identity/src/population/synthetic-population';
import { KAFKA_BROKERS, fmt, freshDatabase, machine, runBenchmark, startService } from './bench-support';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORTS = { identity: 4611, injections: 4612, certification: 4614, portal: 4610 };
const PEOPLE = 500;
const SEED = 7;
/** Chromium DevTools' presets: "Slow 4G" (formerly "Fast 3G") and "3G" (formerly "Slow 3G"). */
const PROFILES = [
  { name: 'no throttling', latency: 0, down: -1, up: -1 },
  { name: 'slow 4G (1.6 Mbit/s, 562 ms RTT)', latency: 562.5, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 },
  { name: '3G (400 kbit/s, 2 s RTT)', latency: 2000, down: (400 * 1024) / 8, up: (400 * 1024) / 8 },
];

interface PageUnderTest {
  name: string;
  path: string;
  cookie?: string;
  /** The moment it can be used: what a person waits for. */
  ready: (page: Page) => Promise<unknown>;
}

async function main(): Promise<void> {
  const tokens = await TestActorTokens.create();
  const dbs = Object.fromEntries(
    await Promise.all(
      ['identity', 'injections', 'certification', 'portal'].map(async (s) => [s, await freshDatabase(s)] as const),
    ),
  );
  const cli = join(__dirname, '../services/identity/src/population/population.cli.js');
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
  const url = (s: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[s]}`;
  const services = [];
  for (const s of ['identity', 'injections', 'certification'] as const)
    services.push(
      await startService(`services/${s}/src/main.js`, PORTS[s], {
        ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
        KAFKA_BROKERS: KAFKA_BROKERS.join(','),
        KAFKA_CONSUMER_GROUP: `bench-${s}-${randomBytes(3).toString('hex')}`,
        DATABASE_URL: dbs[s].url,
      }),
    );
  services.push(
    await startService('services/portal/src/main.js', PORTS.portal, {
      ACTOR_TOKEN_PRIVATE_KEY: tokens.signingKey('portal'),
      CODE_HASH_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: dbs.portal.url,
      IDENTITY_URL: url('identity'),
      INJECTIONS_URL: url('injections'),
      CERTIFICATION_URL: url('certification'),
      COMPLAINTS_URL: 'http://127.0.0.1:9', // not measured here
      CAMPAIGN_URL: 'http://127.0.0.1:9',
      ACCOUNTS_SEED_FILE: join(__dirname, '../services/portal/src/accounts/demo-accounts.json'),
    }),
  );
  try {
    const portal = url('portal');
    const pages: PageUnderTest[] = [
      { name: 'sign-in', path: '/', ready: (p) => p.getByLabel('Tên đăng nhập').waitFor() },
      {
        name: 'citizen record',
        path: '/#/citizen',
        cookie: await citizenCookie(portal),
        ready: (p) => p.getByRole('heading', { name: 'Chứng nhận tiêm chủng' }).waitFor(),
      },
      {
        name: 'injection desk',
        path: '/#/desk',
        cookie: await staffCookie(portal, 'tyt.binhlu'),
        ready: (p) => p.getByRole('button', { name: 'Xác thực' }).waitFor(),
      },
    ];
    console.log(`# Portal first load on phone networks — ${machine()}; cold cache, 360 px, median of ${RUNS}`);
    console.log('\n| page | network | requests | bytes on the wire | usable after (ms) |');
    console.log('|---|---|---:|---:|---:|');
    const browser = await launchChromium();
    for (const target of pages)
      for (const profile of PROFILES) {
        const runs: Awaited<ReturnType<typeof firstLoad>>[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await firstLoad(browser, portal, target, profile));
        const median = (key: 'requests' | 'bytes' | 'ms') =>
          runs.map((r) => r[key]).sort((a, b) => a - b)[runs.length >> 1];
        console.log(
          `| ${target.name} | ${profile.name} | ${median('requests')} | ${fmt(median('bytes'))} | ${fmt(median('ms'))} |`,
        );
      }
    await browser.close();
  } finally {
    // Stopped even when a measurement fails: the services must not outlive the bench.
    for (const s of services.reverse()) await s.stop();
    for (const db of Object.values(dbs)) await db.drop();
  }
}

async function firstLoad(browser: Browser, portal: string, target: PageUnderTest, profile: (typeof PROFILES)[number]) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  if (target.cookie) {
    const [name, value] = target.cookie.split('=');
    await context.addCookies([{ name, value, url: portal }]);
    // The page asks who is signed in only where this browser signed in before (session.js).
    await context.addInitScript({ content: "localStorage.setItem('vax.mayHaveSession', '1')" });
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
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (r) => sizes.push(r.sizes().then((z) => z.responseHeadersSize + z.responseBodySize)));
  const started = performance.now();
  await page.goto(`${portal}${target.path}`);
  await target.ready(page);
  const ms = performance.now() - started;
  // Weighed when usable: what the page fetches later (the PDF kept for offline use) is not counted.
  await page.waitForLoadState('load');
  const all = await Promise.all(sizes);
  await context.close();
  return { requests: all.length, bytes: all.reduce((a, b) => a + b, 0), ms };
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

/** A citizen signed in as people do: a code to the phone on record, read from the development outbox. */
async function citizenCookie(portal: string): Promise<string> {
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
  return signedIn.headers.get('set-cookie')!.split(';')[0];
}

runBenchmark(main);
