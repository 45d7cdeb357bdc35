import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './eventually';
import { REPO_ROOT } from './repo-root';

/** A service of the platform running as its own process from the build (dist/), as in production. */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly entry: string,
    readonly env: Record<string, string>,
    /** The log's file name in test-artifacts/logs (a restart appends to it). */
    readonly logName = name,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get port(): number {
    return Number(this.env.PORT);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  static logFile(name: string): string {
    return join(REPO_ROOT, 'test-artifacts', 'logs', `${name}.log`);
  }

  start(): this {
    mkdirSync(join(REPO_ROOT, 'test-artifacts', 'logs'), { recursive: true });
    const log = createWriteStream(ServiceProcess.logFile(this.logName), { flags: 'a' });
    // The tracing preload, as every deployment starts a process: it does nothing unless TRACING_ENABLED=true.
    const preload = ['--require', join(REPO_ROOT, 'dist/libs/platform/src/tracing/tracing.register.js')];
    this.child = spawn(process.execPath, ['--enable-source-maps', ...preload, join(REPO_ROOT, 'dist', this.entry)], {
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    this.exited = new Promise((resolve) => this.child!.once('exit', (code) => resolve(code)));
    return this;
  }

  async ready(attempts = 240): Promise<void> {
    await eventually(
      async () => {
        if (this.child?.exitCode !== null) throw new Error(`${this.name} exited with ${this.child?.exitCode}`);
        const res = await fetch(this.url('/health/ready'));
        if (!res.ok) throw new Error(`${this.name} not ready: ${res.status} ${await res.text()}`);
      },
      { attempts },
    );
  }

  /** SIGTERM, as an orchestrator would; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null) return this.child?.exitCode ?? null;
    this.child.kill('SIGTERM');
    return this.exited!;
  }

  kill(): void {
    this.child?.kill('SIGKILL');
  }

  /** SIGSTOP freezes the process (it accepts connections but never answers), SIGCONT thaws it. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.child?.kill(signal);
  }
}
