// By file, not the library's index: jest's global setup has no path aliases, and the index reaches them.
import { exportToEnvironment, resolveInfrastructure } from '../libs/testing/src/infrastructure';

/** Resolves real Kafka, PostgreSQL and Temporal once per run; jest's workers inherit the addresses. */
export default async function setup(): Promise<void> {
  const infra = await resolveInfrastructure((line) => process.stderr.write(`\n${line}\n`));
  exportToEnvironment(infra);
  (globalThis as { __VAX_INFRA__?: typeof infra }).__VAX_INFRA__ = infra;
}
