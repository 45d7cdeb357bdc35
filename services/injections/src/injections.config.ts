import { BackendServiceConfig } from '@vax/platform';

/** Settings of the injections service, read from the environment and validated at start-up. */
export class InjectionsConfig extends BackendServiceConfig {}
