import { testInfrastructure } from '@vax/testing';
import { type SoakReport, runSoak } from '../../bench/soak/soak';
import { soakOptions } from '../../bench/soak/soak-options';

// The short, seeded profile of the fault soak (issue 16; `npm run soak -- --minutes N` for longer):
// the platform at two replicas of every process over real Kafka, PostgreSQL and Temporal, under a
// steady mixed load, while replicas are SIGKILLed, the run's databases refuse connections and,
// where the infrastructure is deploy/local's, the broker, Temporal and PostgreSQL restart.
const SEED = 16;

describe(`the fault soak: 3 minutes, 2 replicas, seed ${SEED}`, () => {
  let report: SoakReport;

  beforeAll(async () => {
    const infra = testInfrastructure();
    // The global setup says where the infrastructure came from (as the pipes test reads it).
    const source = process.env.VAX_TEST_INFRA_SOURCE ?? 'local-processes';
    const restartable = source === 'local-processes';
    if (!restartable)
      process.stderr.write(
        `soak: infrastructure from ${source}, so NO restarts of the broker, Temporal or PostgreSQL\n`,
      );
    report = await runSoak(
      soakOptions(
        { minutes: 3, seed: SEED },
        {
          postgresAdminUrl: infra.postgresAdminUrl,
          kafkaBrokers: infra.kafkaBrokers,
          temporalAddress: infra.temporalAddress,
          restartable,
        },
      ),
      (line) => process.stdout.write(`${line}\n`),
    );
  }, 40 * 60_000);

  const verdict = (key: string) => {
    const found = report.verdicts.find((v) => v.key === key);
    return { key, passed: found?.passed, detail: found?.detail };
  };

  it('injected every kind of fault it may on this infrastructure', () => {
    const kinds = new Set(report.faults.map((f) => f.kind));
    expect(kinds.has('kill-replica') && kinds.has('postgres-refuses')).toBe(true);
  });

  it.each([
    ['recovery', 'every process ready again within the bound after each fault'],
    ['processes', 'no process left dead, none restarted by hand'],
    ['lags', 'consumer, publisher and projection lag back to zero'],
    ['doses', 'every acknowledged dose in the record exactly once, every refused one nowhere'],
    ['statistics', 'the statistics count every recorded dose once'],
    ['certificates', 'one valid certificate per vaccinated person, consistent with the record'],
    ['complaints', "every complaint's workflow equals its read model, none stuck"],
    ['sla', 'SLA figures consistent with the complaints'],
    ['campaign', 'the campaign verified every chunk'],
    ['deadLetters', 'nothing of the run dead-lettered'],
  ])('%s: %s', (key) => {
    expect(verdict(key)).toEqual(expect.objectContaining({ key, passed: true }));
  });

  it('acknowledged doses and complaints, and lost or duplicated none', () => {
    const [doses, complaints] = report.figures;
    expect(doses.acknowledged).toBeGreaterThan(0);
    expect(complaints.acknowledged).toBeGreaterThan(0);
    expect(report.figures.map((f) => [f.operation, f.lost, f.duplicated])).toEqual(
      report.figures.map((f) => [f.operation, 0, 0]),
    );
  });
});
