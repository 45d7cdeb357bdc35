/** Where the soak finds PostgreSQL, Kafka and Temporal; faults on them need the local processes of deploy/local. */
export interface SoakInfrastructure {
  postgresAdminUrl: string;
  kafkaBrokers: string[];
  temporalAddress: string;
  /** The broker, Temporal and PostgreSQL are deploy/local's processes: the soak may restart them. */
  restartable: boolean;
}

export interface SoakOptions {
  minutes: number;
  replicas: number;
  seed: number;
  /** Seconds between the starts of two faults. */
  faultEverySeconds: number;
  /** Desks working at once, each one person (a check, then a dose) every `deskPauseMs`. */
  desks: number;
  deskPauseMs: number;
  /** Complaints filed and decided one after another, one every this many ms. */
  complaintPauseMs: number;
  /** Rows of the campaign's generated legacy list. */
  campaignRows: number;
  /** After the load stops: how long the platform may take to settle (ready, lags at zero, complaints closed). */
  settleSeconds: number;
  /** Each process ready again within this many seconds after a fault ends. */
  recoveryBoundSeconds: number;
  infra: SoakInfrastructure;
}

export function localInfrastructure(): SoakInfrastructure {
  const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  return {
    postgresAdminUrl: `postgres://vax:vax-local-only@127.0.0.1:${port('POSTGRES_PORT', 5432)}/postgres`,
    kafkaBrokers: [`127.0.0.1:${port('KAFKA_PORT', 9092)}`],
    temporalAddress: `127.0.0.1:${port('TEMPORAL_PORT', 7233)}`,
    restartable: true,
  };
}

/** The profile of a run of `minutes`: lean enough for two shared cores. */
export function soakOptions(
  overrides: Partial<SoakOptions> & Pick<SoakOptions, 'minutes'>,
  infra = localInfrastructure(),
): SoakOptions {
  return {
    replicas: 2,
    seed: 1,
    faultEverySeconds: overrides.minutes <= 5 ? 20 : 40,
    desks: 3,
    deskPauseMs: 1_000,
    complaintPauseMs: 8_000,
    campaignRows: 200,
    settleSeconds: 300,
    recoveryBoundSeconds: 120,
    infra,
    ...overrides,
  };
}
