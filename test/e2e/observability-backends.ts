import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, eventually } from '@vax/testing';

/** A Zipkin span as its v2 API returns it. */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name: string;
  kind?: 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  localEndpoint: { serviceName: string };
  tags?: Record<string, string>;
}

const binary = (name: string) =>
  execFileSync(join(REPO_ROOT, 'deploy/local/observability.sh'), ['path', name], { encoding: 'utf8' }).trim();

/**
 * Zipkin and VictoriaMetrics as deploy/local/observability.sh runs them, on ports of the test's own
 * (a developer's running stack keeps 9411 and 8428), VictoriaMetrics scraping the run's processes.
 */
export class ObservabilityBackends {
  private readonly children: ChildProcess[] = [];
  private readonly dir = join(REPO_ROOT, 'test-artifacts', `observability-${this.zipkinPort}`);

  constructor(
    readonly zipkinPort: number,
    readonly metricsPort: number,
  ) {}

  get spansEndpoint(): string {
    return `http://127.0.0.1:${this.zipkinPort}/api/v2/spans`;
  }

  /** VictoriaMetrics' OTLP/HTTP metrics receiver (protobuf). */
  get otlpMetricsEndpoint(): string {
    return `http://127.0.0.1:${this.metricsPort}/opentelemetry/v1/metrics`;
  }

  async start(targets: Record<string, number>): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    const scrape = join(this.dir, 'scrape.yml');
    writeFileSync(scrape, scrapeConfig(targets));
    this.run('zipkin', 'java', ['-Xmx512m', '-jar', binary('zipkin')], {
      STORAGE_TYPE: 'mem',
      QUERY_PORT: String(this.zipkinPort),
    });
    this.run('victoria-metrics', binary('victoria-metrics'), [
      `-httpListenAddr=127.0.0.1:${this.metricsPort}`,
      `-storageDataPath=${join(this.dir, 'data')}`,
      `-promscrape.config=${scrape}`,
      '-search.latencyOffset=0s', // the test asks for what was just scraped
    ]);
    await eventually(() => this.get(`http://127.0.0.1:${this.metricsPort}/health`), { attempts: 120, intervalMs: 500 });
    await eventually(() => this.get(`http://127.0.0.1:${this.zipkinPort}/health`), { attempts: 360, intervalMs: 500 });
  }

  /** Every span of a trace Zipkin holds now. */
  async trace(traceId: string): Promise<ZipkinSpan[]> {
    const res = await fetch(`http://127.0.0.1:${this.zipkinPort}/api/v2/trace/${traceId}`);
    return res.status === 404 ? [] : ((await res.json()) as ZipkinSpan[]);
  }

  /** An instant query of VictoriaMetrics' Prometheus API: the series and their values. */
  async query(promql: string): Promise<{ metric: Record<string, string>; value: number }[]> {
    const url = `http://127.0.0.1:${this.metricsPort}/api/v1/query?query=${encodeURIComponent(promql)}`;
    const body = (await (await fetch(url)).json()) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  }

  stop(): void {
    for (const child of this.children) child.kill('SIGTERM');
  }

  private run(name: string, command: string, args: string[], env: Record<string, string> = {}) {
    const log = createWriteStream(join(this.dir, `${name}.log`));
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.children.push(child);
  }

  private async get(url: string): Promise<void> {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
  }
}

function scrapeConfig(targets: Record<string, number>): string {
  const lines = Object.entries(targets).map(
    ([process, port]) => `      - targets: ['127.0.0.1:${port}']\n        labels: { process: ${process} }`,
  );
  return `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: vax-platform\n    static_configs:\n${lines.join('\n')}\n`;
}
