/**
 * npm run soak -- --minutes N [--replicas 2] [--seed S]
 * The fault soak of issue 16 on the local stack (deploy/local): exits 0 when every verdict holds.
 * It restarts the shared broker, Temporal server and PostgreSQL: run it alone (npm run soak takes /tmp/e2e.lock).
 * --no-infra-restarts keeps to the faults of this run's own (SIGKILLs, its databases refusing connections).
 */
import { parseArgs } from 'node:util';
import { localInfrastructure, soakOptions } from './soak-options';
import { runSoak } from './soak';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    replicas: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'no-infra-restarts': { type: 'boolean', default: false },
  },
});
const numberOf = (name: string, value: string | undefined, min: number) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name} must be a number ≥ ${min}`);
    process.exit(2);
  }
  return n;
};

runSoak(
  soakOptions(
    {
      minutes: numberOf('minutes', values.minutes, 1),
      replicas: numberOf('replicas', values.replicas, 1),
      seed: numberOf('seed', values.seed, 0),
    },
    { ...localInfrastructure(), restartable: !values['no-infra-restarts'] },
  ),
).then(
  (report) => process.exit(report.passed ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
