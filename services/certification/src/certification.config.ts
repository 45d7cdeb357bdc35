import { BackendServiceConfig } from '@vax/platform';

/** Settings of the certification service, read from the environment and validated at start-up. */
export class CertificationConfig extends BackendServiceConfig {}
