import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, eventually } from '@vax/testing';

// A stand-in for a service: counts its starts, crashes the first CRASHES times with CODE, then
// stays up and exits 0 on SIGTERM as the services do.
const FAKE_SERVICE = `
const fs = require('fs');
fs.appendFileSync(process.env.COUNTER, 'start\\n');
const starts = fs.readFileSync(process.env.COUNTER, 'utf8').split('\\n').filter((l) => l === 'start').length;
if (starts <= Number(process.env.CRASHES)) process.exit(Number(process.env.CODE));
process.on('SIGTERM', () => { fs.appendFileSync(process.env.COUNTER, 'stopped\\n'); process.exit(0); });
setInterval(() => undefined, 1000);
`;

describe('the local supervisor (deploy/local/supervise.sh)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vax-supervise-'));
  const fake = join(dir, 'fake-service.js');
  writeFileSync(fake, FAKE_SERVICE);
  const env = { ...process.env, VAX_RUN_DIR: join(dir, 'run'), VAX_RESTART_INITIAL_MS: '100' };

  const supervise = (name: string, crashes: number, code: number, initialDelayMs = 100) => {
    const counter = join(dir, `${name}.starts`);
    writeFileSync(counter, '');
    const child = spawn(join(REPO_ROOT, 'deploy/local/supervise.sh'), [name, process.execPath, fake], {
      env: {
        ...env,
        COUNTER: counter,
        CRASHES: String(crashes),
        CODE: String(code),
        VAX_RESTART_INITIAL_MS: String(initialDelayMs),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    const lines = () => readFileSync(counter, 'utf8').split('\n').filter(Boolean);
    return { child, exited, lines, log: () => out };
  };
  /** What `npm run status` prints for a process, read through the same shell function. */
  const statusLine = (name: string, child: ChildProcess) => {
    writeFileSync(join(dir, 'run', 'pids', `${name}.pid`), String(child.pid));
    return execFileSync('bash', ['-c', `source deploy/local/lib.sh; status_line ${name} 1`], { cwd: REPO_ROOT, env })
      .toString()
      .trim();
  };

  it('starts a crashed process again with a doubling delay, says so in the status, and passes SIGTERM on', async () => {
    const run = supervise('crashing', 2, 1);
    await eventually(async () => expect(run.lines()).toEqual(['start', 'start', 'start']));
    expect(run.log()).toContain('exited with 1, starting it again in 100 ms (restart 1)');
    expect(run.log()).toContain('exited with 1, starting it again in 200 ms (restart 2)');
    expect(statusLine('crashing', run.child)).toMatch(
      /crashing +start \(pid \d+, port 1 not open yet, restarted 2 time\(s\), last exit 1 at/,
    );

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.lines()).toEqual(['start', 'start', 'start', 'stopped']);
  }, 30_000);

  it('does not start again a process that stopped on a bad setting (exit 78), and says why', async () => {
    const run = supervise('misconfigured', 1, 78);
    expect(await run.exited).toBe(78);
    expect(run.lines()).toEqual(['start']);
    expect(statusLine('misconfigured', run.child)).toMatch(
      /misconfigured +down \(exit 78 at .*: configuration, not restarted\)/,
    );
  }, 30_000);

  it('stops at once when told to while waiting to start the process again', async () => {
    const run = supervise('stopped-while-waiting', 1, 1, 600_000);
    await eventually(async () => expect(run.log()).toContain('starting it again in 600000 ms'));
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0); // well before the ten minutes (the test's timeout is 30 s)
    expect(run.lines()).toEqual(['start']);
  }, 30_000);
});
