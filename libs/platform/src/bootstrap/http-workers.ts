import cluster from 'node:cluster';

/**
 * Runs a service as several processes sharing its port (node:cluster), when one Node event loop is
 * what bounds it. Each worker is a whole service: the publisher and projections still run in one of
 * them only (they take a database lock), Kafka partitions are shared within the consumer group, and
 * migrations are serialised by their own lock. The primary only supervises: a signal is passed on
 * and it exits when the workers have; a worker that dies unasked takes the service down with its
 * exit code, so the supervisor (systemd, Kubernetes, deploy/local) restarts it whole.
 */
export function runInWorkers(workers: number, start: () => Promise<unknown>): Promise<unknown> {
  if (workers <= 1 || !cluster.isPrimary) return start();
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  let worst = 0;
  cluster.on('exit', (_worker, code) => {
    worst = Math.max(worst, code ?? 1);
    if (!stopping) {
      stopping = true;
      process.stderr.write(`a worker exited unasked (code ${code}); stopping the service\n`);
      stop('SIGTERM');
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(worst);
  });
  return Promise.resolve();
}
