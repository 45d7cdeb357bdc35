/** Where the real infrastructure of a test run is. */
export interface TestInfrastructure {
  /** A superuser URL of the server's maintenance database; tests create their own databases from it. */
  postgresAdminUrl: string;
  kafkaBrokers: string[];
  temporalAddress: string;
  source: 'environment' | 'testcontainers' | 'local-processes';
  stop(): Promise<void>;
}
