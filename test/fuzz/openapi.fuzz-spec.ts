import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CallerActor } from '@vax/platform';

import { REPO_ROOT } from '@vax/testing';
import { Pool } from 'pg';
import { PostgresSessions } from '../../services/portal/src/adapters/postgres/sessions.table';
import { PlatformUnderTest } from '../e2e/platform-processes';

// API fuzzing from each running service's own OpenAPI document (schemathesis, installed by
// deploy/local/schemathesis.sh): no server error, every answer documented, every documented body
// as its schema says; with a valid token (through a local proxy that signs a fresh one for each
// request, since tokens live 60 s) and without one.

const run = promisify(execFile);
// Where deploy/local/schemathesis.sh installs it (npm test runs its install first).
const SCHEMATHESIS = execFileSync(join(REPO_ROOT, 'deploy/local/schemathesis.sh'), ['path'], {
  encoding: 'utf8',
}).trim();
/** Examples per operation and phase: bounded, so the tier stays a few minutes on two cores. */
const EXAMPLES = process.env.VAX_FUZZ_EXAMPLES ?? '20';
const SERVICES = ['identity', 'injections', 'certification', 'complaints', 'campaign'] as const;
type Service = (typeof SERVICES)[number];
/** The caller each service is fuzzed as: one who may use most of its routes. */
const CALLERS: Record<Service, CallerActor> = {
  identity: { id: 'staff-fuzz', role: 'site-staff', scope: 'site:LC-TD-01' },
  injections: { id: 'manager-fuzz', role: 'manager', scope: 'province:LC' },
  certification: { id: 'manager-fuzz', role: 'manager', scope: 'province:LC' },
  complaints: { id: 'P000000001', role: 'citizen', scope: 'person:P000000001' },
  campaign: { id: 'manager-fuzz', role: 'manager', scope: 'province:LC' },
};

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { description?: string; content?: Record<string, { schema?: object }> }> }
    >
  >;
}

/** The portal is fuzzed as each kind of person who uses it, through a session of their own. */
const PORTAL_CALLERS: CallerActor[] = [
  { id: 'P000000001', role: 'citizen', scope: 'person:P000000001' },
  { id: 'staff-fuzz', role: 'site-staff', scope: 'site:LC-TD-01' },
  { id: 'manager-fuzz', role: 'manager', scope: 'province:LC' },
];

/** Forwards to `target` with the caller's credentials, made fresh for every request. */
function callerProxy(target: URL, credentials: () => Promise<Record<string, string>>): Promise<Server> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const headers = { ...req.headers, ...(await credentials()), host: target.host };
    const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function fuzz(schema: string, base: string): Promise<{ code: number; output: string }> {
  const args = [
    'run',
    schema,
    '--url',
    base,
    '--checks',
    'not_a_server_error,status_code_conformance,response_schema_conformance',
    '--phases',
    'examples,fuzzing',
    '--max-examples',
    EXAMPLES,
    '--seed',
    '20261207',
    '--workers',
    '1', // one thread: hypothesis's lambda-source reading trips CPython 3.11's AST checks when threads race
    '--request-timeout',
    '15',
    '--exclude-path-regex',
    '^/(health|docs)',
    '--no-color',
  ];
  try {
    const { stdout } = await run(SCHEMATHESIS, args, { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}\n${e.stderr ?? ''}` };
  }
}

/** The run's own output, kept with the other test artifacts. */
function report(name: string, output: string): void {
  mkdirSync(join(REPO_ROOT, 'test-artifacts/fuzz'), { recursive: true });
  writeFileSync(join(REPO_ROOT, `test-artifacts/fuzz/${name}.txt`), output);
}

/** How many API operations the run exercised (a run that tested nothing proves nothing). */
function operationsTested(output: string): number {
  const match = /Tested:\s*(\d+)/.exec(output);
  return match ? Number(match[1]) : 0;
}

/** A service, through a fresh actor token on every request (tokens live 60 s). */
const signingProxy = (platform: PlatformUnderTest, service: Service) =>
  callerProxy(new URL(platform.service(service).url('/')), () => platform.actorHeaders(CALLERS[service], service));

describe('API fuzzing of every service from its OpenAPI document', () => {
  const platform = new PlatformUnderTest('kafka', 5400, [...SERVICES, 'portal']);
  const proxies = new Map<Service, Server>();

  beforeAll(async () => {
    await platform.start();
    for (const service of SERVICES) proxies.set(service, await signingProxy(platform, service));
  }, 300_000);
  afterAll(async () => {
    for (const p of proxies.values()) p.close();
    await platform.kill();
  });

  // The portal's relays answer with the body of the service behind them: its document describes
  // them with the same classes (the services' HTTP contracts in libs/contracts), so it is held to
  // the same rule.
  for (const service of [...SERVICES, 'portal'] as const) {
    it(`${service}: every route documents its success answer (a schema, or said to have no body)`, async () => {
      const doc = (await (await fetch(platform.service(service).url('/docs/openapi.json'))).json()) as OpenApi;
      const undocumented: string[] = [];
      let operations = 0;
      for (const [path, item] of Object.entries(doc.paths)) {
        if (/^\/(health|docs)/.test(path)) continue;
        for (const [method, operation] of Object.entries(item)) {
          operations += 1;
          const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
          if (successes.length === 0) undocumented.push(`${method.toUpperCase()} ${path}: no success answer`);
          for (const [status, answer] of successes) {
            const schemaless = Object.entries(answer.content ?? {}).filter(([, media]) => !media.schema);
            // Nest's placeholder for a route nobody documented: no body, no word about it.
            if (!answer.content && !answer.description) undocumented.push(`${method.toUpperCase()} ${path} ${status}`);
            for (const [type] of schemaless)
              undocumented.push(`${method.toUpperCase()} ${path} ${status} ${type}: no schema`);
          }
        }
      }
      expect(operations).toBeGreaterThan(0);
      expect(undocumented).toEqual([]);
    });
  }

  for (const service of SERVICES) {
    it(`${service}: no server error, every answer as documented, with a valid token`, async () => {
      const proxy = `http://127.0.0.1:${(proxies.get(service)!.address() as AddressInfo).port}`;
      const result = await fuzz(platform.service(service).url('/docs/openapi.json'), proxy);
      report(`${service}-with-token`, result.output);
      if (result.code !== 0)
        process.stderr.write(`\n--- schemathesis, ${service}, with a token ---\n${result.output}\n`);
      expect(result.code).toBe(0);
      expect(operationsTested(result.output)).toBeGreaterThan(0);
    }, 600_000);

    it(`${service}: no server error, every answer as documented, without a token`, async () => {
      const direct = platform.service(service).url('').replace(/\/$/, '');
      const result = await fuzz(platform.service(service).url('/docs/openapi.json'), direct);
      report(`${service}-without-token`, result.output);
      if (result.code !== 0)
        process.stderr.write(`\n--- schemathesis, ${service}, without a token ---\n${result.output}\n`);
      expect(result.code).toBe(0);
      expect(operationsTested(result.output)).toBeGreaterThan(0);
    }, 600_000);
  }

  // A new session for every request: the fuzzer signs out (DELETE /api/session) among the rest.
  for (const actor of PORTAL_CALLERS) {
    it(`portal: no server error, every answer as documented, signed in as ${actor.role}`, async () => {
      const db = new Pool({ connectionString: platform.databaseUrl('portal'), max: 2 });
      const sessions = new PostgresSessions(db, 30);
      const proxy = await callerProxy(new URL(platform.service('portal').url('/')), async () => {
        const { id, session } = await sessions.create(actor, actor.id);
        return { cookie: `vax_session=${id}`, 'x-csrf-token': session.csrfToken };
      });
      try {
        const base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
        const result = await fuzz(platform.service('portal').url('/docs/openapi.json'), base);
        report(`portal-as-${actor.role}`, result.output);
        if (result.code !== 0)
          process.stderr.write(`\n--- schemathesis, portal, as ${actor.role} ---\n${result.output}\n`);
        expect(result.code).toBe(0);
        expect(operationsTested(result.output)).toBeGreaterThan(0);
      } finally {
        proxy.close();
        await db.end();
      }
    }, 600_000);
  }

  it('portal: no server error, every answer as documented, signed out', async () => {
    const direct = platform.service('portal').url('').replace(/\/$/, '');
    const result = await fuzz(platform.service('portal').url('/docs/openapi.json'), direct);
    report('portal-signed-out', result.output);
    if (result.code !== 0) process.stderr.write(`\n--- schemathesis, portal, signed out ---\n${result.output}\n`);
    expect(result.code).toBe(0);
    expect(operationsTested(result.output)).toBeGreaterThan(0);
  }, 600_000);
});
