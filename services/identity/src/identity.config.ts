import { BackendServiceConfig } from '@vax/platform';

/** Settings of the identity service, read from the environment and validated at start-up. */
export class IdentityConfig extends BackendServiceConfig {}
